/**
 * One post in the list, styled by its front matter (`style: fill|border`, `color`). Its title and excerpt
 * take the direction of their own text (`dir="auto"`): an English post reads left to right on an Arabic list. The title links to
 * the post (prefetching its data on hover or focus), or out to `external_url` for external posts. In a
 * view computed in the browser the excerpt may arrive just after the card: a blank line holds its place.
 *
 * The card's links (title, tags) are plain anchors followed by the list's one click handler
 * (`followCardLink`): a page of cards has some 90 links, and a router `Link` each, re-rendered on every
 * navigation, cost more than the rest of the cards together.
 */
import { memo, useContext, type MouseEvent, type ReactNode } from 'react'
import { UNSAFE_NavigationContext as NavigationContext, type NavigateFunction } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import type { ListPost } from '../../shared/list-data.ts'
import type { Tag } from '../../shared/post-data.ts'
import { postQuery } from '../../shared/api/post-queries.ts'
import { paths } from '../../shared/paths.ts'
import { PostFacts } from '../../shared/ui/post-facts.tsx'
import { MarkedText } from '../../shared/ui/marked-text.tsx'
import { FormattedTextView } from '../../shared/ui/formatted-text-view.tsx'
import { fill } from '../../shared/i18n/i18n.ts'
import listText from 'virtual:site-locale/list'

export const PostCard = memo(function PostCard({ post, terms = NO_TERMS }: { post: ListPost; terms?: string[] }) {
  const queryClient = useQueryClient()
  const prefetch = () => {
    if (!post.externalUrl && !post.error) void queryClient.prefetchQuery(postQuery(post.slug))
  }
  return (
    <article className="post-card" data-style={post.style ?? 'fill'} data-color={post.color ?? 'default'}>
      <h2 className="post-card-title" dir="auto">
        {post.externalUrl ? (
          <a href={post.externalUrl} target="_blank" rel="noopener noreferrer">
            <MarkedText text={post.title} terms={terms} />
            <span className="external-mark"> ↗<span className="visually-hidden"> {listText.externalSite}</span></span>
          </a>
        ) : (
          <CardLink to={paths.post.href(post)} onMouseEnter={prefetch} onFocus={prefetch}>
            <MarkedText text={post.title} terms={terms} />
          </CardLink>
        )}
      </h2>
      <PostFacts post={post} />
      {post.error ? (
        <p className="post-card-error">{fill(listText.postProblem, { problem: post.error })}</p>
      ) : post.excerpt === null ? (
        <p className="post-card-excerpt" data-loading="" />
      ) : (
        <p className="post-card-excerpt" dir="auto">
          <FormattedTextView text={post.excerpt} terms={terms} />
        </p>
      )}
      {post.tags.length > 0 && (
        // The markup of the shared TagList, with card links.
        <ul className="tag-list" aria-label={fill(listText.tagsOf, { title: post.title })}>
          {post.tags.map((tag: Tag) => (
            <li key={tag.key}>
              <CardLink to={paths.tag.href(tag.key)} className="tag-chip">
                <span className="tag-chip-name">{tag.name}</span>
              </CardLink>
            </li>
          ))}
        </ul>
      )}
    </article>
  )
})

function CardLink({ to, className, children, onMouseEnter, onFocus }: { to: string; className?: string; children: ReactNode; onMouseEnter?: () => void; onFocus?: () => void }) {
  // The router's base path, as a `Link` would add it (the app may be served under a sub-path), read from
  // the router's navigation context: unlike `useHref`, it does not render the card again each time the
  // location changes.
  const base = useContext(NavigationContext).basename.replace(/\/$/, '')
  return (
    <a href={`${base}${to}`} data-to={to} className={className} onMouseEnter={onMouseEnter} onFocus={onFocus}>
      {children}
    </a>
  )
}

/**
 * A click on a card's link, handled by the list: navigates in the app, as a router `Link` would; a
 * click with a modifier key or another button is left to the browser (new tab, new window).
 */
export function followCardLink(event: MouseEvent<HTMLElement>, navigate: NavigateFunction): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-to]')
  if (!link || (link.target && link.target !== '_self')) return
  event.preventDefault()
  void navigate(link.dataset.to!)
}

const NO_TERMS: string[] = []
