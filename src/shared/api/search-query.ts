/**
 * Search, loaded on the first search (never on the first page load): MiniSearch and the code that reads
 * the split index come in their own chunk with `search/docs.json`; then each query loads only the shards
 * its words need, each parsed once into an index and kept. The hits of a query are kept too, so typing
 * back to an earlier query is instant.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { listFiles, listKeys, type SearchDocsFile, type SearchShardFile } from '../list-data.ts'
import type { SearchHits } from './search-engine.ts'
import { fetchListFile, retryUnlessChanged } from './fetch-list-file.ts'

export type { SearchHit, SearchHits } from './search-engine.ts'

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
      const [{ engine, base }, shard] = await Promise.all([
        client.ensureQueryData(searchBaseQuery(v)),
        fetchListFile<SearchShardFile>(listFiles.searchShard(key), v, signal),
      ])
      return engine.shardIndex(base, shard)
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
      const words = engine.queryTerms(query).map((term) => ({ term, keys: engine.shardsFor(base.docs.shards, term) }))
      const keys = [...new Set(words.flatMap((word) => word.keys))]
      const indexes = new Map(await Promise.all(keys.map(async (key) => [key, await client.ensureQueryData(searchShardQuery(v, key))] as const)))
      return engine.searchShards(words.map(({ term, keys: wordKeys }) => ({ term, indexes: wordKeys.map((key) => indexes.get(key)!) })))
    },
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

/** When the reader is about to search (focus on the field): the search code and the field lengths. */
export function prefetchSearch(queryClient: QueryClient, v: string): void {
  void queryClient.prefetchQuery(searchBaseQuery(v))
}
