/**
 * Query options for the list's data (src/shared/list-data.ts) and the one function that loads what a
 * view of the list needs, shared by the route loaders and hover prefetching:
 *
 * - the unfiltered list and one tag's posts: the view's own page file (a few KB, complete cards);
 * - any other view (several tags, a search): the catalog of every post, once, then the view is computed
 *   in the browser; the excerpts of its cards are loaded after it is shown.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { listFiles, listKeys, pageCount, type CatalogFile, type ExcerptsFile, type ListHead, type ListViewPage, type ViewSource } from '../list-data.ts'
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

export function catalogQuery(v: string) {
  return queryOptions({
    queryKey: listKeys.catalog(v),
    queryFn: ({ signal }) => fetchListFile<CatalogFile>(listFiles.catalog, v, signal),
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

export function excerptsQuery(v: string, shard: number) {
  return queryOptions({
    queryKey: listKeys.excerpts(v, shard),
    queryFn: ({ signal }) => fetchListFile<ExcerptsFile>(listFiles.excerpts(shard), v, signal),
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
  const exists = page <= pageCount(total) && (source.kind === 'all' || total > 0)
  return { source, total, exists }
}

/** Everything a view needs before it is shown (its excerpts excepted). */
export async function loadListView(queryClient: QueryClient, location: ListLocation): Promise<void> {
  const head = await queryClient.ensureQueryData(listHeadQuery())
  const plan = viewPlan(head, location)
  if (plan) {
    if (plan.exists) await queryClient.ensureQueryData(listViewQuery(head.v, plan.source, location.page))
    return
  }
  await Promise.all([
    queryClient.ensureQueryData(catalogQuery(head.v)),
    // A failed search shows as such on the page, not as a failed page.
    location.filter.q ? queryClient.ensureQueryData(searchHitsQuery(head.v, location.filter.q)).catch(() => null) : null,
  ])
}
