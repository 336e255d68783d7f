/**
 * Search as the list page asks for it: the queries of a search's results, and the calls the page makes
 * while the reader types. Their code (search-code.ts: loading the split indexes, and the engine) is a
 * chunk of its own, loaded on the reader's first use of the search field or by a search's URL: the
 * list page's first load does not carry it. Once loaded, a keystroke runs it synchronously.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { listKeys, type ListPost } from '../list-data.ts'
import type { SearchHits } from './search-engine.ts'
import { retryUnlessChanged } from './fetch-list-file.ts'

export type { SearchHits } from './search-engine.ts'

type SearchCode = typeof import('./search-code.ts')

let loaded: SearchCode | null = null

function searchCode(): Promise<SearchCode> {
  return import('./search-code.ts').then((code) => (loaded = code))
}

/** The first results of a query: the posts whose titles, descriptions or tags match, best first. */
export function firstHitsQuery(v: string, query: string) {
  return queryOptions({
    queryKey: listKeys.firstHits(v, query),
    queryFn: async ({ client }): Promise<SearchHits> => (await searchCode()).findFirstHits(client, v, query),
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

/** Every post a query finds, bodies too: the first results refined (search-code.ts). */
export function searchHitsQuery(v: string, query: string) {
  return queryOptions({
    queryKey: listKeys.hits(v, query),
    queryFn: async ({ client }): Promise<SearchHits> => (await searchCode()).findHits(client, v, query),
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

/** The cards of a short word's first page, by list position (first-pages.ts). */
export function firstPageQuery(v: string, word: string) {
  return queryOptions({
    queryKey: listKeys.firstPage(v, word),
    queryFn: async ({ signal }): Promise<Map<number, ListPost>> => (await searchCode()).fetchFirstPage(v, word, signal),
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

/**
 * The hits of a query at once, when the search code and every file its words need are loaded already
 * (the usual case while typing): the route then has nothing to wait for, and the keystroke's list is
 * rendered in the same event. False when something is still to load (the route loads it).
 */
export function searchNow(queryClient: QueryClient, v: string, query: string): boolean {
  return loaded?.searchNow(queryClient, v, query) ?? false
}

/** The word of a query with a first page file, when the search code knows it already, else null. */
export function firstPageWordNow(queryClient: QueryClient, v: string, query: string): string | null {
  return query && loaded ? loaded.firstPageWord(queryClient, v, query) : null
}

/** The first page file of a query, loaded, or null when it has none (or it failed: the cards' chunks will do). */
export async function loadFirstPage(queryClient: QueryClient, v: string, query: string): Promise<Map<number, ListPost> | null> {
  try {
    return await (await searchCode()).loadFirstPage(queryClient, v, query)
  } catch {
    return null
  }
}

/** When the reader is about to search (focus on the field): the search code and the first index's field lengths. */
export function prefetchSearch(queryClient: QueryClient, v: string): void {
  searchCode().then((code) => code.prefetchDocs(queryClient, v), () => undefined)
}
