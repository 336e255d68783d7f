/**
 * The search code, loaded on the reader's first use of the search field or by a search's URL, never
 * with the list page (search-query.ts has what the page calls, and loads this chunk, with the engine,
 * beside the first index's `docs.json`); then each query loads only the
 * shards its words need, each decoded once and kept. A query's first results come from the first index
 * (titles, descriptions, tags: small shards); the body index's shards are asked for once they are
 * shown, and refine them (`refineHits`: body-only matches are added below, nothing shown moves). The
 * hits of a query are kept too, so typing back to an earlier query is instant. A small index is loaded
 * whole once the reader pauses (`WHOLE_INDEX_LIMITS`).
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { listFiles, listKeys, type ListPost, type SearchDocsFile, type SearchShardFile } from '../list-data.ts'
import type { SearchIndexName } from '../search-options.ts'
import { firstPageWord as wordWithPage, prepareDocs, queryTerms, refineHits, searchShards, shardIndex, shardsFor, type SearchBase, type SearchHits, type ShardIndex, type WordSource } from './search-engine.ts'
import { fetchListFile, loadInBackground, retryUnlessChanged } from './fetch-list-file.ts'
import { oneLetterPages } from './first-pages.ts'
import { firstHitsQuery, firstPageQuery, searchHitsQuery } from './search-query.ts'
import { afterPaint } from '../after-paint.ts'
import { saveData } from '../save-data.ts'

export { fetchFirstPage } from './first-pages.ts'

/**
 * An index of at most this many bytes (gzip, every shard) is loaded whole once a search has shown its
 * results and the reader has paused (`SEARCH_PAUSE_MS` without another search), while the page is idle:
 * the first letter of every later word then needs no fetch (at 10,000 posts, waiting for its shards made
 * the slowest keystrokes, 90-190 ms), and the words being typed never share the network with it. The
 * first index, which keystrokes wait for, may be larger: at 10,000 benchmark posts it is ~290 KB and
 * loads whole, while the body's (~520 KB), which only refines, keeps loading shard by shard (at 1,000
 * posts both load whole). Not when the reader's browser asks to save data.
 */
export const WHOLE_INDEX_LIMITS: Record<SearchIndexName, number> = { first: 320 * 1024, body: 200 * 1024 }
const SEARCH_PAUSE_MS = 500

/** The engine's calls, as one object kept with the first index's docs (named imports: a module namespace object costs every page's runtime chunk a helper). */
const engine = { prepareDocs, shardIndex, queryTerms, shardsFor, searchShards, refineHits, firstPageWord: wordWithPage }
type Engine = typeof engine

export function searchBaseQuery(v: string, index: SearchIndexName) {
  return queryOptions({
    queryKey: [...listKeys.search(v), index, 'docs'] as const,
    queryFn: async ({ signal }) => ({ engine, base: engine.prepareDocs(await fetchListFile<SearchDocsFile>(listFiles.searchDocs(index), v, signal)) }),
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

function searchShardQuery(v: string, index: SearchIndexName, key: string) {
  return queryOptions({
    queryKey: [...listKeys.search(v), index, 'shard', key] as const,
    queryFn: async ({ signal, client }) => {
      const [{ engine }, shard] = await Promise.all([
        client.ensureQueryData(searchBaseQuery(v, index)),
        fetchListFile<SearchShardFile>(listFiles.searchShard(index, key), v, signal),
      ])
      return engine.shardIndex(shard)
    },
    staleTime: Infinity,
    retry: retryUnlessChanged,
  })
}

/** A query's words with their shards in one index: loaded (and awaited) when `client` may fetch. */
async function loadSources(client: QueryClient, v: string, index: SearchIndexName, query: string): Promise<{ engine: Engine; words: Array<{ term: string; source: WordSource }> }> {
  const { engine, base } = await client.ensureQueryData(searchBaseQuery(v, index))
  const words = engine.queryTerms(query).map((term) => ({ term, keys: engine.shardsFor(base.shards, term) }))
  const keys = [...new Set(words.flatMap((word) => word.keys))]
  const indexes = new Map(await Promise.all(keys.map(async (key) => [key, await client.ensureQueryData(searchShardQuery(v, index, key))] as const)))
  loadWholeIndexOnPause(client, v, index, base)
  return { engine, words: words.map(({ term, keys: wordKeys }) => ({ term, source: { base, indexes: wordKeys.map((key) => indexes.get(key)!) } })) }
}

/** The same from the cache alone, or null when something is still to load. */
function cachedSources(client: QueryClient, v: string, index: SearchIndexName, query: string): { engine: Engine; words: Array<{ term: string; source: WordSource }> } | null {
  const loaded = client.getQueryData(searchBaseQuery(v, index).queryKey)
  if (!loaded) return null
  const { engine, base } = loaded
  loadWholeIndexOnPause(client, v, index, base)
  const words = engine.queryTerms(query).map((term) => ({ term, indexes: engine.shardsFor(base.shards, term).map((key) => client.getQueryData(searchShardQuery(v, index, key).queryKey)) }))
  if (words.some((word) => word.indexes.some((found) => !found))) return null
  return { engine, words: words.map(({ term, indexes }) => ({ term, source: { base, indexes: indexes as ShardIndex[] } })) }
}

/** The first index's hits: what titles, descriptions and tags match. */
function firstHits(engine: Engine, first: Array<{ term: string; source: WordSource }>): SearchHits {
  return engine.searchShards(first[0]?.source.base.count ?? 0, first.map(({ term, source }) => ({ term, sources: [source] })))
}

/** The first results refined by the body index. */
function refinedHits(engine: Engine, first: Array<{ term: string; source: WordSource }>, body: Array<{ term: string; source: WordSource }>, shown: SearchHits): SearchHits {
  const count = first[0]?.source.base.count ?? 0
  const full = engine.searchShards(count, first.map(({ term, source }, at) => ({ term, sources: [source, body[at]!.source] })))
  return engine.refineHits(shown, full)
}

/** The first results of a query (search-query.ts's `firstHitsQuery`): the posts whose titles, descriptions or tags match, best first. */
export async function findFirstHits(client: QueryClient, v: string, query: string): Promise<SearchHits> {
  const { engine, words } = await loadSources(client, v, 'first', query)
  return firstHits(engine, words)
}

/** Every post a query finds (`searchHitsQuery`): bodies too, by position, with scores and matched words, in the order `refineHits` gives. */
export async function findHits(client: QueryClient, v: string, query: string): Promise<SearchHits> {
  const shown = await client.ensureQueryData(firstHitsQuery(v, query))
  const [{ engine, words: first }, { words: body }] = await Promise.all([loadSources(client, v, 'first', query), loadSources(client, v, 'body', query)])
  return refinedHits(engine, first, body, shown)
}

/**
 * The hits of a query at once, when the search code and every shard its words need are loaded already
 * (the usual case while typing): the route then has nothing to wait for, and the keystroke's list is
 * rendered in the same event. The first results are enough; the refined ones too when the body's
 * shards are loaded. False when the first results still need something (the route loads it).
 */
export function searchNow(queryClient: QueryClient, v: string, query: string): boolean {
  const firstKey = firstHitsQuery(v, query).queryKey
  const fullKey = searchHitsQuery(v, query).queryKey
  if (queryClient.getQueryData(fullKey)) return true
  const first = cachedSources(queryClient, v, 'first', query)
  let shown = queryClient.getQueryData(firstKey)
  if (!shown && first) queryClient.setQueryData(firstKey, (shown = firstHits(first.engine, first.words)))
  const body = cachedSources(queryClient, v, 'body', query)
  if (shown && first && body) queryClient.setQueryData(fullKey, refinedHits(first.engine, first.words, body.words, shown))
  return shown !== undefined
}

/** The word of a query with a first page file, from the cache (null when it has none, or the first index's docs are not loaded). */
export function firstPageWord(queryClient: QueryClient, v: string, query: string): string | null {
  const loaded = queryClient.getQueryData(searchBaseQuery(v, 'first').queryKey)
  return loaded ? engine.firstPageWord(loaded.base, query) : null
}

/** The first page file of a short word's search (first-pages.ts), loaded, or null when it has none. */
export async function loadFirstPage(queryClient: QueryClient, v: string, query: string): Promise<Map<number, ListPost> | null> {
  const { base } = await queryClient.ensureQueryData(searchBaseQuery(v, 'first'))
  const word = engine.firstPageWord(base, query)
  return word === null ? null : queryClient.ensureQueryData(firstPageQuery(v, word))
}

/** When the reader is about to search (focus on the field): the first index's field lengths. */
export function prefetchDocs(queryClient: QueryClient, v: string): void {
  void queryClient.prefetchQuery(searchBaseQuery(v, 'first'))
}

const wholeIndexAsked = new WeakSet<SearchBase>()
const pauseTimers = new WeakMap<QueryClient, Map<SearchIndexName, ReturnType<typeof setTimeout>>>()

/** Every shard of a small index, once the reader stops searching for a moment (see WHOLE_INDEX_LIMITS). */
function loadWholeIndexOnPause(client: QueryClient, v: string, index: SearchIndexName, base: SearchBase): void {
  // A docs.json without the size (from an older build) loads nothing ahead.
  if (wholeIndexAsked.has(base) || !(base.shardsGzipBytes <= WHOLE_INDEX_LIMITS[index]) || saveData()) return
  let timers = pauseTimers.get(client)
  if (!timers) pauseTimers.set(client, (timers = new Map()))
  // Each search (a keystroke) puts it off again.
  clearTimeout(timers.get(index))
  timers.set(
    index,
    setTimeout(() => {
      // Posts deployed since: this index is gone (its shards would be refused).
      if (client.getQueryData(searchBaseQuery(v, index).queryKey)?.base !== base) return
      wholeIndexAsked.add(base)
      afterPaint(() => {
        const loads = base.shards.map((key) => () => client.prefetchQuery(searchShardQuery(v, index, key)))
        if (index === 'first') for (const word of oneLetterPages(base)) loads.push(() => client.prefetchQuery(firstPageQuery(v, word)))
        loadInBackground(loads, (load) => load())
      }, 2000)
    }, SEARCH_PAUSE_MS),
  )
}
