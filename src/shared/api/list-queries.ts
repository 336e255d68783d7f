/**
 * Query options for the list's data (src/shared/list-data.ts) and the one function that loads what a
 * view of the list needs, shared by the route loaders and hover prefetching:
 *
 * - the unfiltered list and one tag's posts: the view's own page file (a few KB, complete cards); the
 *   first page of every tag also comes in one file (`tagPagesQuery`), loaded ahead of the reader's
 *   first tag click;
 * - any other view (several tags, a search): every post's tags (one small file, once) and a search's
 *   first hits, then the view is computed in the browser; the cards it shows come in chunks of a page
 *   of list positions, only those chunks, loaded before the view is shown. A search of one short word
 *   has its first page's cards in one file instead (first-pages.ts).
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { EVERY_CARD_MAX_POSTS, listFiles, listKeys, PAGE_SIZE, pageCount, type CardsFile, type ListHead, type ListPost, type ListViewPage, type PostTagsFile, type TagPagesFile, type ViewSource } from '../list-data.ts'
import type { ListFilter, ListLocation } from '../list-filter.ts'
import type { ViewResult } from '../list-view.ts'
import { firstHitsQuery, loadFirstPage, searchHitsQuery, type SearchHits } from './search-query.ts'
import { fetchListFile, loadInBackground, retryUnlessChanged } from './fetch-list-file.ts'
import { afterPaint } from '../after-paint.ts'
import { saveData } from '../save-data.ts'

export function listHeadQuery() {
  return queryOptions({
    queryKey: listKeys.head(),
    queryFn: ({ signal }) => fetchListFile<ListHead>(listFiles.head, undefined, signal),
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

export function listViewQuery(v: string, source: ViewSource, page: number) {
  return queryOptions({
    queryKey: listKeys.view(v, source, page),
    queryFn: ({ signal }) => fetchListFile<ListViewPage>(listFiles.view(source, page), v, signal),
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

/**
 * The first page of every tag, in one file: once loaded, each is in the cache as its own page file
 * would be, and a tag click renders at once. (Pages fetched on their own are kept as they are.)
 */
export function tagPagesQuery(head: ListHead) {
  return queryOptions({
    queryKey: listKeys.tagPages(head.v),
    queryFn: async ({ signal, client }) => {
      const file = await fetchListFile<TagPagesFile>(listFiles.tagPages, head.v, signal)
      file.views.forEach(({ total, counts, posts }, id) => {
        const tag = head.tags[id]
        if (!tag) return
        const { queryKey } = listViewQuery(head.v, { kind: 'tag', key: tag.tag.key }, 1)
        if (client.getQueryData(queryKey) === undefined) client.setQueryData(queryKey, { v: file.v, total, counts, posts: posts.map((place) => file.cards[place]!) })
      })
      return true
    },
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

/**
 * Every post's tags, with the code that computes views over them (src/shared/list-view.ts): neither is
 * needed before the reader's first filter of several tags or first search, so they come together then.
 */
export function postTagsQuery(v: string) {
  return queryOptions({
    queryKey: listKeys.postTags(v),
    queryFn: async ({ signal }): Promise<PostTags> => {
      const [view, file] = await Promise.all([import('../list-view.ts'), fetchListFile<PostTagsFile>(listFiles.postTags, v, signal)])
      return { tags: file.tags, view }
    },
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

export function cardsQuery(v: string, chunk: number) {
  return queryOptions({
    queryKey: listKeys.cards(v, chunk),
    queryFn: ({ signal }) => fetchListFile<CardsFile>(listFiles.cards(chunk), v, signal),
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

/** What views computed in the browser (several tags, a search) read first: every post's tags. */
export function prefetchComputedViews(queryClient: QueryClient, v: string): void {
  void queryClient.prefetchQuery(postTagsQuery(v))
}

/** The chunks of list positions holding these posts' cards. */
export function cardChunks(positions: readonly number[]): number[] {
  return [...new Set(positions.map((position) => Math.floor(position / PAGE_SIZE)))]
}

const CARDS_PAUSE_MS = 500
let everyCardAsked: string | null = null
let everyCardTimer: ReturnType<typeof setTimeout> | undefined

export function loadEveryCardOnPause(queryClient: QueryClient, head: ListHead): void {
  if (everyCardAsked === head.v || head.total > EVERY_CARD_MAX_POSTS || saveData()) return
  clearTimeout(everyCardTimer)
  everyCardTimer = setTimeout(() => {
    everyCardAsked = head.v
    afterPaint(() => {
      loadInBackground(Array.from({ length: pageCount(head.total) }, (_, chunk) => chunk), (chunk) => queryClient.prefetchQuery(cardsQuery(head.v, chunk)))
    }, 2000)
  }, CARDS_PAUSE_MS)
}

/** The cards of these posts, each chunk loaded once. */
export async function loadCards(queryClient: QueryClient, v: string, positions: readonly number[]): Promise<void> {
  await Promise.all(cardChunks(positions).map((chunk) => queryClient.ensureQueryData(cardsQuery(v, chunk))))
}

/**
 * The cards of these list positions from the cache: from their chunks, else from any first page file
 * loaded (a card is a card of its position, whichever search brought it: `coa` shows mostly the posts
 * `co` did); undefined for a card not loaded yet.
 */
export function cachedCards(queryClient: QueryClient, v: string, positions: readonly number[]): Array<ListPost | undefined> {
  let pages: Array<Map<number, ListPost> | undefined> | undefined
  return positions.map((position) => {
    const card = queryClient.getQueryData(cardsQuery(v, Math.floor(position / PAGE_SIZE)).queryKey)?.cards[position % PAGE_SIZE]
    if (card) return card
    pages ??= queryClient.getQueriesData<Map<number, ListPost>>({ queryKey: listKeys.firstPages(v) }).map(([, page]) => page)
    return pages.find((page) => page?.has(position))?.get(position)
  })
}

/** The search hits a view shows: the refined ones once there are, else the first ones (if they found anything). */
export function shownHits(first: SearchHits | undefined, full: SearchHits | undefined): SearchHits | undefined {
  // A query its first index cannot answer waits for the bodies rather than saying it found nothing.
  return full ?? (first && first.ranked.length > 0 ? first : undefined)
}

/** The posts of a computed view's page, from the cache, or null while its tags or hits are loading. */
function computedPage(queryClient: QueryClient, head: ListHead, { filter, page }: ListLocation): { result: ViewResult; onPage: number[] } | null {
  const postTags = queryClient.getQueryData(postTagsQuery(head.v).queryKey)
  if (!postTags) return null
  const hits = filter.q
    ? shownHits(queryClient.getQueryData(firstHitsQuery(head.v, filter.q).queryKey), queryClient.getQueryData(searchHitsQuery(head.v, filter.q).queryKey))
    : undefined
  if (filter.q && !hits) return null
  const result = computeListView(postTags, head, filter, hits)
  return { result, onPage: result.matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) }
}

/** Every post's tags, with the code that computes views over them (postTagsQuery). */
interface PostTags {
  tags: PostTagsFile['tags']
  view: typeof import('../list-view.ts')
}
/** A computed view (several tags, a search), the last one kept (see computeViewOnce). */
export function computeListView({ view, tags }: PostTags, head: ListHead, filter: ListFilter, hits: SearchHits | undefined): ViewResult {
  return view.computeViewOnce(tags, hits?.ranked, view.selectedTagIds(head, filter), filter.match, head.tags.length)
}

/** Whether a view is written by the build as files (no catalog needed), and which. */
export function staticSource(filter: ListFilter): ViewSource | null {
  if (filter.q) return null
  if (filter.tags.length === 0) return { kind: 'all' }
  if (filter.tags.length === 1) return { kind: 'tag', key: filter.tags[0]! }
  return null
}

/** How a view gets its posts: from its own page file (when it has one and the page exists) or computed. */
export function viewPlan(head: ListHead, { filter, page }: ListLocation): { source: ViewSource; total: number; exists: boolean } | null {
  const source = staticSource(filter)
  if (!source) return null
  const total = source.kind === 'all' ? head.total : (head.tags.find((entry) => entry.tag.key === source.key)?.count ?? 0)
  // A tag no post has has no file: its view is empty, and says so.
  // Page 0 is what a page that is no number parses as (`/page/0/`, `?page=-5`): it has no file either.
  const exists = page >= 1 && page <= pageCount(total) && (source.kind === 'all' || total > 0)
  return { source, total, exists }
}

/**
 * Whether everything a view needs is already loaded: then the route has nothing to load, and a filter
 * change is one synchronous render (no pending navigation, no second render).
 */
export function listViewReady(queryClient: QueryClient, location: ListLocation): boolean {
  const head = queryClient.getQueryData(listHeadQuery().queryKey)
  if (!head) return false
  const plan = viewPlan(head, location)
  if (plan) return !plan.exists || queryClient.getQueryData(listViewQuery(head.v, plan.source, location.page).queryKey) !== undefined
  const computed = computedPage(queryClient, head, location)
  return computed !== null && cachedCards(queryClient, head.v, computed.onPage).every((card) => card !== undefined)
}

/** Everything a view needs before it is shown: its posts, and the cards of its page. */
export async function loadListView(queryClient: QueryClient, location: ListLocation): Promise<void> {
  const head = await queryClient.ensureQueryData(listHeadQuery())
  const plan = viewPlan(head, location)
  if (plan) {
    if (plan.exists) await queryClient.ensureQueryData(listViewQuery(head.v, plan.source, location.page))
    return
  }
  const { q } = location.filter
  const [, first] = await Promise.all([
    queryClient.ensureQueryData(postTagsQuery(head.v)),
    // A failed search shows as such on the page, not as a failed page.
    q ? queryClient.ensureQueryData(firstHitsQuery(head.v, q)).catch(() => null) : null,
    // Beside the hits, not after them: the cards of a short word's first page.
    q && location.page === 1 ? loadFirstPage(queryClient, head.v, q) : null,
  ])
  // The first index found nothing: the bodies may (the page says "Searching…" until they answer).
  if (q && first && first.ranked.length === 0) await queryClient.ensureQueryData(searchHitsQuery(head.v, q)).catch(() => null)
  const computed = computedPage(queryClient, head, location)
  if (!computed) return
  const cards = cachedCards(queryClient, head.v, computed.onPage)
  await loadCards(queryClient, head.v, computed.onPage.filter((_, index) => cards[index] === undefined))
}
