/**
 * Query options for the list's data (src/shared/list-data.ts) and the one function that loads what a
 * view of the list needs, shared by the route loaders and hover prefetching:
 *
 * - the unfiltered list and one tag's posts: the view's own page file (a few KB, complete cards); the
 *   first page of every tag also comes in one file (`tagPagesQuery`), loaded ahead of the reader's
 *   first tag click;
 * - any other view (several tags, a search): the catalog of every post, once, then the view is computed
 *   in the browser; its cards' excerpts come from the file of every excerpt, loaded alongside (until
 *   it is, by shard, after the view is shown).
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { listFiles, listKeys, PAGE_SIZE, pageCount, type CatalogFile, type ExcerptsFile, type ListHead, type ListViewPage, type TagPagesFile, type ViewSource } from '../list-data.ts'
import type { ListFilter, ListLocation } from '../list-filter.ts'
import { searchHitsQuery } from './search-query.ts'
import { fetchListFile, retryUnlessChanged } from './fetch-list-file.ts'

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
 * The catalog, with the code that computes views over it (src/shared/list-view.ts): neither is needed
 * before the reader's first filter of several tags or first search, so they come together then.
 */
export function catalogQuery(v: string) {
  return queryOptions({
    queryKey: listKeys.catalog(v),
    queryFn: async ({ signal }) => {
      const [view, file] = await Promise.all([import('../list-view.ts'), fetchListFile<CatalogFile>(listFiles.catalog, v, signal)])
      return { file, view }
    },
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

function excerptsQuery(v: string, shard: number) {
  return queryOptions({
    queryKey: listKeys.excerpts(v, shard),
    queryFn: ({ signal }) => fetchListFile<ExcerptsFile>(listFiles.excerpts(shard), v, signal),
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

/** Every excerpt (list order), loaded with the catalog for searches: their cards then need nothing more. */
export function allExcerptsQuery(v: string) {
  return queryOptions({
    queryKey: listKeys.allExcerpts(v),
    queryFn: ({ signal }) => fetchListFile<ExcerptsFile>(listFiles.allExcerpts, v, signal),
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

/** What views computed in the browser (several tags, a search) read: the catalog and every excerpt. */
export function prefetchComputedViews(queryClient: QueryClient, v: string): void {
  void queryClient.prefetchQuery(catalogQuery(v))
  void queryClient.prefetchQuery(allExcerptsQuery(v))
}

/**
 * The excerpts of a page of a computed view: its shards, each loaded once, by shard; at once when
 * they all are already (every excerpt loaded, paging back, a filter seen before).
 */
export function pageExcerptsQuery(queryClient: QueryClient, v: string, shards: number[]) {
  const every = () => queryClient.getQueryData(allExcerptsQuery(v).queryKey)?.excerpts
  const cached = () =>
    shards.map((shard) => [shard, every()?.slice(shard * PAGE_SIZE, (shard + 1) * PAGE_SIZE) ?? queryClient.getQueryData(excerptsQuery(v, shard).queryKey)?.excerpts] as const)
  return queryOptions({
    queryKey: [...listKeys.excerpts(v, -1), shards.join()] as const,
    queryFn: async ({ client }) => new Map(await Promise.all(shards.map(async (shard) => [shard, (await client.ensureQueryData(excerptsQuery(v, shard))).excerpts] as const))),
    initialData: () => {
      const found = cached()
      return found.every(([, excerpts]) => excerpts) ? new Map(found as Array<readonly [number, string[]]>) : undefined
    },
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
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
  if (queryClient.getQueryData(catalogQuery(head.v).queryKey) === undefined) return false
  return !location.filter.q || queryClient.getQueryState(searchHitsQuery(head.v, location.filter.q).queryKey)?.status === 'success'
}

/** Everything a view needs before it is shown (its excerpts excepted). */
export async function loadListView(queryClient: QueryClient, location: ListLocation): Promise<void> {
  const head = await queryClient.ensureQueryData(listHeadQuery())
  const plan = viewPlan(head, location)
  if (plan) {
    if (plan.exists) await queryClient.ensureQueryData(listViewQuery(head.v, plan.source, location.page))
    return
  }
  // The excerpts are not waited for: the view shows once it is computed, and they come when loaded.
  prefetchComputedViews(queryClient, head.v)
  await Promise.all([
    queryClient.ensureQueryData(catalogQuery(head.v)),
    // A failed search shows as such on the page, not as a failed page.
    location.filter.q ? queryClient.ensureQueryData(searchHitsQuery(head.v, location.filter.q)).catch(() => null) : null,
  ])
}
