/**
 * The link control of a quote or highlight. It is a real link to the passage's own page
 * (`/blog/<slug>/quote/<id>/`, which unfurls as the quote), so it works without JavaScript; with it,
 * a click copies that address and confirms.
 *
 * The control never covers or moves the text: it has its own room, kept whether it shows or not (a
 * quote's last line, the slot after a highlight; see styles.css), and the confirmation replaces its
 * icon (a highlight) or sits in that room (a quote). On a hover-less screen it always shows.
 */
import { useContext, type MouseEvent } from 'react'
import { PostContext } from './post-context.ts'
import { useCopy } from '../shared/hooks/use-copy.ts'
import { absoluteAppUrl } from '../shared/absolute-url.ts'
import { withBase } from '../shared/base-path.ts'

export function passagePath(slug: string, id: string): string {
  return `/blog/${encodeURIComponent(slug)}/quote/${encodeURIComponent(id)}/`
}

export function PassageLink({ id, kind }: { id: string | undefined; kind: 'quote' | 'highlight' }) {
  const post = useContext(PostContext)
  const { copied, copy } = useCopy()
  if (!post || !id) return null
  const path = passagePath(post.slug, id)
  const onClick = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    await copy(absoluteAppUrl(path))
  }
  const link = (
    <a
      className="passage-link"
      href={withBase(path)}
      onClick={onClick}
      data-copied={copied || undefined}
      aria-label={copied ? 'Link copied' : `Copy a link to this ${kind}`}
    >
      {copied ? <CheckIcon /> : <LinkIcon />}
    </a>
  )
  const status = (
    <span className={kind === 'quote' ? 'passage-link-status' : 'visually-hidden'} role="status">
      {copied ? 'Link copied' : ''}
    </span>
  )
  if (kind === 'quote') {
    return (
      <span className="quote-actions">
        {status}
        {link}
      </span>
    )
  }
  // The word joiner keeps the control on the highlight's last line.
  return (
    <>
      {'\u2060'}
      {link}
      {status}
    </>
  )
}

function LinkIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
      <path fill="currentColor" d="M7.8 4.6 9.4 3a3 3 0 0 1 4.2 4.2l-2.2 2.2a3 3 0 0 1-4.2 0l1-1a1.6 1.6 0 0 0 2.2 0l2.2-2.2a1.6 1.6 0 0 0-2.2-2.2L8.8 5.6zm.4 6.8L6.6 13a3 3 0 0 1-4.2-4.2l2.2-2.2a3 3 0 0 1 4.2 0l-1 1a1.6 1.6 0 0 0-2.2 0L3.4 9.8a1.6 1.6 0 0 0 2.2 2.2l1.6-1.6z" />
    </svg>
  )
}

function CheckIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
      <path fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" d="m3 8.5 3.2 3L13 4.5" />
    </svg>
  )
}
