/**
 * Search, loaded on the first search (never on the first page load): the code that reads the split index
 * comes in its own chunk with `search/docs.json`; then each query loads only the shards its words need,
 * each decoded once and kept. The hits of a query are kept too, so typing back to an earlier query is
 * instant. A small index is then loaded whole, once the reader pauses (`WHOLE_INDEX_LIMIT`).
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { listFiles, listKeys, type SearchDocsFile, type SearchShardFile } from '../list-data.ts'
import type { SearchBase, SearchHits } from './search-engine.ts'
import { fetchListFile, retryUnlessChanged } from './fetch-list-file.ts'
import { afterPaint } from '../after-paint.ts'
import { saveData } from '../save-data.ts'

/**
 * An index of at most this many bytes (gzip, every shard) is loaded whole once a search has shown its
 * results and the reader has paused (`SEARCH_PAUSE_MS` without another search), while the page is idle:
 * the first letter of every later word then needs no fetch (it waited for its shard, 70-160 ms), and the
 * words being typed never share the network with it. A blog of 1,000 benchmark posts has a ~90 KB index;
 * one of 10,000 posts, ~840 KB, keeps loading shard by shard. Not when the reader's browser asks to save
 * data.
 */
export const WHOLE_INDEX_LIMIT = 200 * 1024
const SEARCH_PAUSE_MS = 500

export type { SearchHits } from './search-engine.ts'

function searchBaseQuery(v: string) {
  return queryOptions({
    queryKey: [...listKeys.search(v), 'docs'] as const,
    queryFn: async ({ signal }) => {
      const [engine, docs] = await Promise.all([import('./search-engine.ts'), fetchListFile<SearchDocsFile>(listFiles.searchDocs, v, signal)])
      return { engine, base: engine.prepareDocs(docs) }
    },
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

function searchShardQuery(v: string, key: string) {
  return queryOptions({
    queryKey: [...listKeys.search(v), 'shard', key] as const,
    queryFn: async ({ signal, client }) => {
      const [{ engine }, shard] = await Promise.all([
        client.ensureQueryData(searchBaseQuery(v)),
        fetchListFile<SearchShardFile>(listFiles.searchShard(key), v, signal),
      ])
      return engine.shardIndex(shard)
    },
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

/** The posts a query finds, by position, with their scores and matched words. */
export function searchHitsQuery(v: string, query: string) {
  return queryOptions({
    queryKey: [...listKeys.search(v), 'hits', query] as const,
    queryFn: async ({ client }): Promise<SearchHits> => {
      const { engine, base } = await client.ensureQueryData(searchBaseQuery(v))
      const words = engine.queryTerms(query).map((term) => ({ term, keys: engine.shardsFor(base.shards, term) }))
      const keys = [...new Set(words.flatMap((word) => word.keys))]
      const indexes = new Map(await Promise.all(keys.map(async (key) => [key, await client.ensureQueryData(searchShardQuery(v, key))] as const)))
      loadWholeIndexOnPause(client, v, base)
      return engine.searchShards(base, words.map(({ term, keys: wordKeys }) => ({ term, indexes: wordKeys.map((key) => indexes.get(key)!) })))
    },
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

/**
 * The hits of a query at once, when the search code and every shard its words need are loaded already
 * (the usual case while typing): the route then has nothing to wait for, and the keystroke's list is
 * rendered in the same event. False when something is still to load (the route loads it).
 */
export function searchNow(queryClient: QueryClient, v: string, query: string): boolean {
  const key = searchHitsQuery(v, query).queryKey
  if (queryClient.getQueryData(key)) return true
  const loaded = queryClient.getQueryData(searchBaseQuery(v).queryKey)
  if (!loaded) return false
  const { engine, base } = loaded
  loadWholeIndexOnPause(queryClient, v, base)
  const words = engine.queryTerms(query).map((term) => ({ term, indexes: engine.shardsFor(base.shards, term).map((shard) => queryClient.getQueryData(searchShardQuery(v, shard).queryKey)) }))
  if (words.some((word) => word.indexes.some((index) => !index))) return false
  queryClient.setQueryData(key, engine.searchShards(base, words.map(({ term, indexes }) => ({ term, indexes: indexes.map((index) => index!) }))))
  return true
}

/** When the reader is about to search (focus on the field): the search code and the field lengths. */
export function prefetchSearch(queryClient: QueryClient, v: string): void {
  void queryClient.prefetchQuery(searchBaseQuery(v))
}

const wholeIndexAsked = new WeakSet<SearchBase>()
const pauseTimers = new WeakMap<QueryClient, ReturnType<typeof setTimeout>>()

/** Every shard of a small index, once the reader stops searching for a moment (see WHOLE_INDEX_LIMIT). */
function loadWholeIndexOnPause(client: QueryClient, v: string, base: SearchBase): void {
  // A docs.json without the size (from an older build) loads nothing ahead.
  if (wholeIndexAsked.has(base) || !(base.shardsGzipBytes <= WHOLE_INDEX_LIMIT) || saveData()) return
  // Each search (a keystroke) puts it off again.
  clearTimeout(pauseTimers.get(client))
  pauseTimers.set(
    client,
    setTimeout(() => {
      // Posts deployed since: this index is gone (its shards would be refused).
      if (client.getQueryData(searchBaseQuery(v).queryKey)?.base !== base) return
      wholeIndexAsked.add(base)
      afterPaint(() => {
        for (const key of base.shards) void client.prefetchQuery(searchShardQuery(v, key))
      }, 2000)
    }, SEARCH_PAUSE_MS),
  )
}
