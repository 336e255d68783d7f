/**
 * `/` (and `/page/<n>/`, `/blog/tags/:tag/`, `/blog/tags/:tag/page/<n>/`): every post, newest first,
 * narrowed by the tags and search text in the URL (`?tags=leadership,growth&match=all&q=peers`), so any
 * view of the list can be shared, a page of cards at a time. Filters and search cover every post; what
 * each view needs is loaded by the route (src/shared/api/list-queries.ts) and computed in use-list-view.ts.
 */
import { memo, useCallback, useEffect, useMemo, useRef } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useParams, useSearchParams, type Location } from 'react-router'
import { usePendingLocation } from '../../shared/pending-navigation.ts'
import { loadListView, prefetchComputedViews, tagPagesQuery } from '../../shared/api/list-queries.ts'
import { prefetchSearch, searchNow } from '../../shared/api/search-query.ts'
import { listHref, listLocation, NO_FILTER, serializeListFilter, tagName, type ListFilter, type ListLocation, type TagCount } from '../../shared/list-filter.ts'
import { PAGE_SIZE } from '../../shared/list-data.ts'
import { routerBasename } from '../../shared/base-path.ts'
import { PageHeading } from '../../shared/ui/page-heading.tsx'
import { PageMeta } from '../../shared/ui/page-meta.tsx'
import { afterPaint } from '../../shared/after-paint.ts'
import { saveData } from '../../shared/save-data.ts'
import settings from 'virtual:site-settings'
import { followCardLink, PostCard } from './post-card.tsx'
import { TagFilter } from './tag-filter.tsx'
import { SearchBox } from './search-box.tsx'
import { Pager } from './pager.tsx'
import { useListView, type ListView } from './use-list-view.ts'
import listCss from './post-list.css?inline'
import { count, fill, quoted, t, tagNames } from '../../shared/i18n/i18n.ts'
import listText from 'virtual:site-locale/list'


export function PostListPage() {
  const [searchParams] = useSearchParams()
  const params = useParams()
  const location = listLocation(searchParams, params)
  const { filter, page, tagRoute } = location
  const view = useListView(location)
  // While a filter change loads (one small file, or every post’s tags the first time), the controls show it
  // already, and a second click builds on it instead of on the filter still shown.
  const controls = useSameFilter(pendingFilter(usePendingLocation()) ?? filter)
  const { head, status, total, pages } = view
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const tagsWithCounts = useMemo(
    () => head.tags.map((entry, index) => ({ ...entry, ifToggled: view.counts[index] ?? 0, inView: view.carrying[index] ?? 0 })),
    [head, view.counts, view.carrying],
  )
  const heading = listHeading(filter, head.tags)
  const active = filter.tags.length > 0 || filter.q !== ''
  // A new filter starts at its first page, at the reader's scroll position, focus on the control used;
  // rendered at once (flushSync), so the list a tag click or a keystroke gives is painted in the next frame.
  const setFilter = useCallback(
    (next: ListFilter, replace = false) => {
      if (next.q) searchNow(queryClient, head.v, next.q)
      return navigate(listHref({ filter: next, page: 1 }), { preventScrollReset: true, replace, flushSync: true })
    },
    [navigate, queryClient, head.v],
  )
  // Load what a view needs as soon as the reader shows the intent to open it.
  const prefetch = useCallback((next: ListLocation) => void loadListView(queryClient, next).catch(() => undefined), [queryClient])
  const onTagChange = useCallback((next: ListFilter) => void setFilter(next), [setFilter])
  const onTagIntent = useCallback((next: ListFilter) => prefetch({ filter: next, page: 1 }), [prefetch])
  // Every tag's first page, so a tag click shows its posts in the same frame: once the page is idle
  // (unless the reader's browser asks to save data), or when the reader reaches for the tag filter.
  const loadTagPages = useCallback(() => void queryClient.prefetchQuery(tagPagesQuery(head)), [queryClient, head])
  useEffect(() => (saveData() ? undefined : afterPaint(loadTagPages, 2000)), [loadTagPages])
  useFocusOnNewPage(`${serializeListFilter(filter)}|${tagRoute ?? ''}`, page)

  return (
    <section className="post-list-page">
      <ListStyles />
      <PageMeta title={active || page > 1 ? (page > 1 ? fill(listText.pageSuffix, { title: heading, page }) : heading) : undefined} description={settings.description} />
      <PageHeading>{heading}</PageHeading>
      <div className="list-controls">
        <SearchBox
          value={controls.q}
          onChange={(q) => setFilter({ ...controls, q: q.trim() }, true)}
          onFirstUse={() => {
            prefetchSearch(queryClient, head.v)
            prefetchComputedViews(queryClient, head.v)
          }}
        />
        <TagFilter tags={tagsWithCounts} filter={controls} onChange={onTagChange} onIntent={onTagIntent} onReach={loadTagPages} />
        {(active || controls.tags.length > 0 || controls.q !== '') && (
          <button type="button" className="clear-filter" onClick={() => setFilter(NO_FILTER)}>
            {listText.clearFilter}
          </button>
        )}
      </div>
      <p className="result-count" role="status">
        {statusText(view, page)}
      </p>
      {view.cards.length > 0 ? (
        <CardList cards={view.cards} start={(page - 1) * PAGE_SIZE + 1} />
      ) : status === 'no-page' ? (
        <div className="empty-state">
          <p>{total > 0 ? fill(listText.noPageNumber, { page, pages: count(t.counts.pages, pages) }) : listText.noSuchPage}</p>
          <Link to={listHref({ filter, page: 1, ...(tagRoute !== undefined ? { tagRoute } : {}) })}>{listText.goToFirstPage}</Link>
        </div>
      ) : (
        status === 'ready' && (
          <div className="empty-state">
            <p>{emptyMessage(head.total, filter, head.tags)}</p>
            {active && <Link to={listHref({ filter: NO_FILTER, page: 1 })}>{listText.showAllPosts}</Link>}
          </div>
        )
      )}
      {pages > 1 && status !== 'searching' && status !== 'search-failed' && (
        <Pager
          page={page}
          pages={pages}
          href={(number) => listHref({ filter, page: number, ...(tagRoute !== undefined ? { tagRoute } : {}) })}
          onIntent={(number) => prefetch({ filter, page: number })}
        />
      )}
    </section>
  )
}

/** The list's own rules, inlined in the page's head (React hoists it), once: never rendered again. */
const ListStyles = memo(function ListStyles() {
  return (
    <style href="post-list" precedence="default">
      {listCss}
    </style>
  )
})

/** The page's cards: rendered again only when they change. */
const CardList = memo(function CardList({ cards, start }: { cards: ListView['cards']; start: number }) {
  const navigate = useNavigate()
  return (
    // A click on a card's link (or Enter on it) bubbles here: see PostCard.
    <ol className="post-list" start={start} onClick={(event) => followCardLink(event, navigate)}>
      {cards.map(({ post, terms }) => (
        <li key={post.slug}>
          <PostCard post={post} terms={terms} />
        </li>
      ))}
    </ol>
  )
})

/** The same filter object while the filter is the same, so the controls render only when it changes. */
function useSameFilter(filter: ListFilter): ListFilter {
  const kept = useRef(filter)
  const same = kept.current.match === filter.match && kept.current.q === filter.q && kept.current.tags.join() === filter.tags.join()
  if (!same) kept.current = filter
  return same ? kept.current : filter
}

/** The filter of a list URL the router is loading (`/?tags=...`, from any list page), if any. */
function pendingFilter(pending: Location | null): ListFilter | null {
  if (!pending) return null
  // The router's own locations keep the base path (`/my-blog/?tags=...`).
  const base = routerBasename === '/' ? '' : routerBasename
  if (pending.pathname !== base && pending.pathname !== `${base}/`) return null
  return listLocation(new URLSearchParams(pending.search), {}).filter
}

/**
 * Another page of the same view keeps the route (`?page=` changes): focus goes to the heading, as after
 * any navigation, so keyboard and screen reader users start at the new page's top, not on the pager.
 */
function useFocusOnNewPage(view: string, page: number) {
  const previous = useRef({ view, page })
  useEffect(() => {
    const before = previous.current
    previous.current = { view, page }
    if (before.view !== view || before.page === page) return
    document.querySelector<HTMLElement>('[data-page-heading]')?.focus({ preventScroll: true })
  }, [view, page])
}

function statusText({ status, total, pages }: ListView, page: number): string {
  if (status === 'search-failed') return listText.searchFailed
  if (status === 'searching') return listText.searching
  if (status === 'loading') return listText.loading
  const posts = count(t.counts.posts, total)
  if (status !== 'ready' || pages === 1) return posts
  const first = (page - 1) * PAGE_SIZE + 1
  return fill(listText.showing, { count: posts, first, last: Math.min(total, page * PAGE_SIZE) })
}

function emptyMessage(total: number, filter: ListFilter, counts: TagCount[]): string {
  if (total === 0) return listText.noPostsYet
  const tags = tagNames(filter.tags.map((key) => tagName(key, counts)), filter.match, true)
  if (filter.q && tags) return fill(listText.noneTaggedMatch, { tags, query: quoted(filter.q) })
  if (filter.q) return fill(listText.noneMatch, { query: quoted(filter.q) })
  return fill(listText.noneTagged, { tags })
}

function listHeading(filter: ListFilter, counts: TagCount[]): string {
  const names = filter.tags.map((key) => tagName(key, counts))
  const tags = tagNames(names, filter.match)
  if (filter.q) return fill(names.length > 0 ? listText.postsTaggedMatching : listText.postsMatching, { tags, query: quoted(filter.q) })
  return names.length > 0 ? fill(listText.postsTagged, { tags }) : listText.allPosts
}
