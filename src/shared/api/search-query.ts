/**
 * The search index, loaded on the first search (never on the first page load): the prebuilt index
 * from the build and MiniSearch itself, in its own chunk.
 */
import { queryOptions } from '@tanstack/react-query'
import type MiniSearch from 'minisearch'
import { searchIndexOptions, searchQueryOptions, type SearchDocument } from '../search-options.ts'
import { searchIndexUrl } from '../data-paths.ts'
import { basePath } from '../base-path.ts'
import { postKeys } from './post-queries.ts'

export function searchIndexQuery() {
  return queryOptions({
    queryKey: [...postKeys.all, 'search-index'] as const,
    queryFn: async ({ signal }): Promise<MiniSearch<SearchDocument>> => {
      const [{ default: MiniSearchClass }, response] = await Promise.all([import('minisearch'), fetch(searchIndexUrl(basePath), { signal })])
      if (!response.ok) throw new Error(`Could not load the search index: the server answered ${response.status}`)
      return MiniSearchClass.loadJSON<SearchDocument>(await response.text(), searchIndexOptions)
    },
    staleTime: Infinity,
  })
}

export interface SearchHit {
  score: number
  /** The words of the posts that matched, lower case, for marking them. */
  terms: string[]
}

export function searchPosts(index: MiniSearch<SearchDocument>, query: string): Map<string, SearchHit> {
  const hits = new Map<string, SearchHit>()
  for (const result of index.search(query, searchQueryOptions)) hits.set(String(result.id), { score: result.score, terms: result.terms })
  return hits
}
