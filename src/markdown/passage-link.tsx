/**
 * The link control of a quote or highlight. It is a real link to the passage's own page
 * (`/blog/<slug>/quote/<id>/`, which unfurls as the quote), so it works without JavaScript; with it,
 * a click copies that address and confirms. A site built without highlight pages (`highlightPages`,
 * which the post's data carries: the build decides it) links a highlight to its place in the post instead.
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
import { t } from '../shared/i18n/i18n.ts'

export function passagePath(slug: string, id: string, kind: 'quote' | 'highlight' = 'quote', highlightPages = true): string {
  if (kind === 'highlight' && !highlightPages) return `/blog/${encodeURIComponent(slug)}/#${encodeURIComponent(id)}`
  return `/blog/${encodeURIComponent(slug)}/quote/${encodeURIComponent(id)}/`
}

export function PassageLink({ id, kind }: { id: string | undefined; kind: 'quote' | 'highlight' }) {
  const post = useContext(PostContext)
  const { copied, copy } = useCopy()
  if (!post || !id) return null
  const path = passagePath(post.slug, id, kind, post.highlightPages !== false)
  const onClick = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    await copy(absoluteAppUrl(path))
  }
  const link = (
    <a
      className="passage-link"
      data-ui=""
      href={withBase(path)}
      onClick={onClick}
      data-copied={copied || undefined}
      aria-label={copied ? t.body.linkCopied : kind === 'quote' ? t.body.copyQuoteLink : t.body.copyHighlightLink}
    >
      {/* The icon is the stylesheet's (a mask, a check once copied): a post has a control per passage. */}
      <span className="passage-link-icon" aria-hidden="true" />
    </a>
  )
  const status = (
    <span className={kind === 'quote' ? 'passage-link-status' : 'visually-hidden'} role="status" data-ui="">
      {copied ? t.body.linkCopied : ''}
    </span>
  )
  if (kind === 'quote') {
    return (
      <span className="quote-actions" data-ui="">
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
