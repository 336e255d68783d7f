/**
 * The link control of a quote or highlight. It is a real link to the passage's own page
 * (`/blog/<slug>/quote/<id>/`, which unfurls as the quote), so it works without JavaScript; with it,
 * a click copies that address and confirms. A site built without highlight pages (`highlightPages`)
 * links a highlight to its place in the post instead.
 */
import { useContext, type MouseEvent } from 'react'
import { PostContext } from './post-context.ts'
import { useCopy } from '../shared/hooks/use-copy.ts'
import { absoluteAppUrl } from '../shared/absolute-url.ts'
import { withBase } from '../shared/base-path.ts'
import settings from 'virtual:site-settings'

export function passagePath(slug: string, id: string, kind: 'quote' | 'highlight' = 'quote', highlightPages = settings.highlightPages): string {
  if (kind === 'highlight' && !highlightPages) return `/blog/${encodeURIComponent(slug)}/#${encodeURIComponent(id)}`
  return `/blog/${encodeURIComponent(slug)}/quote/${encodeURIComponent(id)}/`
}

export function PassageLink({ id, kind }: { id: string | undefined; kind: 'quote' | 'highlight' }) {
  const post = useContext(PostContext)
  const { copied, copy } = useCopy()
  if (!post || !id) return null
  const path = passagePath(post.slug, id, kind)
  const onClick = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    await copy(absoluteAppUrl(path))
  }
  return (
    <a className="passage-link" href={withBase(path)} onClick={onClick} aria-label={copied ? 'Link copied' : `Copy a link to this ${kind}`}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <path fill="currentColor" d="M7.8 4.6 9.4 3a3 3 0 0 1 4.2 4.2l-2.2 2.2a3 3 0 0 1-4.2 0l1-1a1.6 1.6 0 0 0 2.2 0l2.2-2.2a1.6 1.6 0 0 0-2.2-2.2L8.8 5.6zm.4 6.8L6.6 13a3 3 0 0 1-4.2-4.2l2.2-2.2a3 3 0 0 1 4.2 0l-1 1a1.6 1.6 0 0 0-2.2 0L3.4 9.8a1.6 1.6 0 0 0 2.2 2.2l1.6-1.6z" />
      </svg>
      {copied && <span className="passage-link-copied" role="status">Link copied</span>}
    </a>
  )
}
