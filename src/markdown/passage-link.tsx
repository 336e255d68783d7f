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
      {/* The icon is the stylesheet's (a mask): a post has a control per passage, and their inline SVGs were 2-3 KB a page. */}
      <span className="passage-link-icon" aria-hidden="true" />
      {copied && <span className="passage-link-copied" role="status">Link copied</span>}
    </a>
  )
}
