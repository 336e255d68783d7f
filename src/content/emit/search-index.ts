/**
 * The search index, made at build time so the browser only loads it, never builds it: titles,
 * descriptions, tags and the plain text of every body, indexed as MiniSearch indexes them with the
 * options the browser searches with (src/shared/search-options.ts).
 *
 * It is two indexes (`SEARCH_INDEXES`), so the first results of a query need only small files: the
 * first, of titles, descriptions and tags, a tenth of the whole at 10,000 posts, gives them; the body
 * index refines them once its shards arrive. MiniSearch's score of a post is a sum over its fields, so
 * the two together score exactly as one index of every field (a unit test holds them equal).
 *
 * Each is written split, so a query loads only what its words need (src/shared/api/search-query.ts):
 *
 * - `search/<index>/docs.json`: each post's field lengths (for ranking), the list of shards and their
 *   size together;
 * - `search/<index>/<shard>.json`: the terms starting with the shard's key, with their postings. Keys
 *   are first letters; a letter whose shard would pass the index's shard limit (gzip) is split by its
 *   second letter, and so on, so a shard stays small however many posts there are.
 *
 * - `search/first/pages/<word>.json`, in a list of more than 2,000 posts (`EVERY_CARD_MAX_POSTS`): for each
 *   word of up to three letters that starts a term of the first index, its first page of first results with their cards (`FIRST_PAGE_MAX_LETTERS`), ranked by the
 *   browser's own code over the shards it would load, so the page is the one the browser computes.
 *
 * A query word loads the shards it may match: prefix matches (`lead` -> leadership) are all in them, and
 * typos after the key's letters too (`leadrship`); a typo in the first letter (or in the first two, for a
 * split letter) is not found. Postings are (position delta, frequency) pairs, about a third of
 * MiniSearch's own JSON; the browser decodes each shard once into typed arrays (search-engine.ts).
 */
import { gzipSync } from 'node:zlib'
import type { Collection } from '../site/collection.ts'
import { processTerm, SEARCH_FIELDS, SEARCH_INDEXES, tokenize, type SearchDocument, type SearchField, type SearchIndexName } from '../../shared/search-options.ts'
import { EVERY_CARD_MAX_POSTS, listFiles, PAGE_SIZE, type FirstPageFile, type ListPost, type SearchDocsFile, type SearchShardFile } from '../../shared/list-data.ts'
import { prepareDocs, searchShards, shardIndex, shardsFor } from '../../shared/api/search-engine.ts'

/**
 * A shard larger than this (gzip bytes) is split by one more letter: the first index's shards are
 * waited for by a keystroke, so they are kept smaller than the body's, which only refine.
 */
export const SHARD_LIMITS: Record<SearchIndexName, number> = { first: 16 * 1024, body: 48 * 1024 }
const MAX_KEY_LENGTH = 3

/**
 * Words of at most this many letters get their first page in one file (`FirstPageFile`): they match the
 * most posts, so their first page's cards lie in as many chunks of the list as it has cards (at 10,000
 * benchmark posts a first or second letter waited 100-300 ms for 8-20 chunk files; with pages for two
 * letters, the third letter's new results still waited 45-170 ms for theirs). From the fourth letter
 * on, a word's results mostly are posts an earlier letter's page brought.
 */
export const FIRST_PAGE_MAX_LETTERS = 3
/**
 * At most this many files: a blog with more words of three letters (a large vocabulary, or a script of
 * thousands of letters) gets pages for words of two letters, or of one, whichever fits.
 */
const MAX_FIRST_PAGES = 3000

type Entry = SearchShardFile['terms'][number]

/** What MiniSearch would index (with its default tokenizer and term processing), made directly. */
export interface SearchIndexData {
  /** Every term with, per field (in the order of the fields indexed), its frequency by post position. */
  postings: Map<string, Array<Map<number, number> | undefined>>
  /** Per post and field, flattened: the number of distinct words, as MiniSearch counts a field's length. */
  lengths: number[]
  /** Average field lengths, computed as MiniSearch does (a running average, to the same floats). */
  average: number[]
}

/**
 * The index of every post, as `MiniSearch.addAll` would make it (a unit test holds the two equal), but
 * in plain maps: MiniSearch's own insertion costs seconds at 10,000 posts for a tree the build never
 * searches.
 */
export function indexPosts(documents: Array<Omit<SearchDocument, 'id'>>, fields: readonly SearchField[] = SEARCH_FIELDS): SearchIndexData {
  const postings: SearchIndexData['postings'] = new Map()
  const lengths: number[] = []
  const average = fields.map(() => 0)
  documents.forEach((document, position) => {
    fields.forEach((field, fieldId) => {
      const tokens = tokenize(document[field])
      const length = new Set(tokens).size
      lengths.push(length)
      average[fieldId] = (average[fieldId]! * position + length) / (position + 1)
      for (const token of tokens) {
        const term = processTerm(token)
        if (!term) continue
        let byField = postings.get(term)
        if (!byField) postings.set(term, (byField = []))
        const frequencies = (byField[fieldId] ??= new Map())
        frequencies.set(position, (frequencies.get(position) ?? 0) + 1)
      }
    })
  })
  return { postings, lengths, average }
}

/**
 * The search files (both indexes), by path under the data folder; `v` is the list version they were made
 * with. With `cards` (every post's, in list order), the first index's short words' first pages too, in a
 * list of more than `firstPagesAbove` posts: a list of up to EVERY_CARD_MAX_POSTS loads all its cards on
 * the reader's first pause, and a first page's cards lie in few chunks, so there the pages would only add
 * to the output (~10 MB and 1,100 files for the bench's 1,000 posts, over its 70 MB budget) for no
 * keystroke (stop 24's keystroke p95 at 1,000 posts: 28 ms, without them).
 */
export function buildSearchFiles(collection: Collection, v: string, limits: Partial<Record<SearchIndexName, number>> = {}, cards?: readonly ListPost[], firstPagesAbove = EVERY_CARD_MAX_POSTS): Map<string, string> {
  const posts = collection.index.posts
  const documents = posts.map((summary) => ({
    title: summary.title,
    description: summary.excerpt,
    tags: summary.tags.map((tag) => tag.name).join(' '),
    body: collection.posts.get(summary.slug)!.post.text,
  }))
  const files = new Map<string, string>()
  for (const [index, fields] of Object.entries(SEARCH_INDEXES) as Array<[SearchIndexName, readonly SearchField[]]>) {
    for (const [path, text] of indexFiles(index, indexPosts(documents, fields), posts.length, v, limits[index] ?? SHARD_LIMITS[index], index === 'first' && posts.length > firstPagesAbove ? cards : undefined)) files.set(path, text)
  }
  return files
}

function indexFiles(index: SearchIndexName, { postings, lengths, average }: SearchIndexData, count: number, v: string, limit: number, cards?: readonly ListPost[]): Map<string, string> {
  const fieldCount = average.length
  // Sorted by code unit: the browser finds a word's terms by binary search.
  const entries: Entry[] = [...postings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([term, byField]) => [
    term,
    ...Array.from({ length: fieldCount }, (_, fieldId) => {
      const frequencies = byField[fieldId]
      if (!frequencies) return 0 as const
      // Posts were indexed in list order: positions come in ascending order.
      const flat: number[] = []
      let previous = 0
      for (const [position, frequency] of frequencies) {
        flat.push(position - previous, frequency)
        previous = position
      }
      return flat
    }),
  ])
  const { shards, shardsGzipBytes } = splitShards(entries, limit, v)
  const files = new Map<string, string>()
  const docs: SearchDocsFile = { v, index, count, average, lengths, shards: [...shards.keys()].sort(), shardsGzipBytes }
  if (cards) {
    const pages = firstPages(docs, shards, entries.map(([term]) => term), cards)
    docs.pages = [...pages.keys()]
    for (const [word, page] of pages) files.set(listFiles.firstPage(word), JSON.stringify(page))
  }
  files.set(listFiles.searchDocs(index), JSON.stringify(docs))
  for (const [key, text] of shards) files.set(listFiles.searchShard(index, key), text)
  return files
}

/**
 * The first page of each short word's results, ranked as the browser ranks them: by the browser's search
 * code, over the shards the browser would load for that word, read back from their files.
 */
function firstPages(docs: SearchDocsFile, shards: Map<string, string>, terms: string[], cards: readonly ListPost[]): Map<string, FirstPageFile> {
  const words = new Set<string>()
  for (const term of terms) {
    const letters = [...term]
    for (let length = 1; length <= Math.min(FIRST_PAGE_MAX_LETTERS, letters.length); length += 1) words.add(letters.slice(0, length).join(''))
  }
  let chosen = [...words].sort()
  for (let letters = FIRST_PAGE_MAX_LETTERS; letters > 1 && chosen.length > MAX_FIRST_PAGES; letters -= 1) chosen = chosen.filter((word) => [...word].length < letters)
  const base = prepareDocs(docs)
  const read = new Map<string, ReturnType<typeof shardIndex>>()
  const shardOf = (key: string) => {
    let found = read.get(key)
    if (!found) read.set(key, (found = shardIndex(JSON.parse(shards.get(key)!) as SearchShardFile)))
    return found
  }
  const pages = new Map<string, FirstPageFile>()
  for (const word of chosen) {
    const hits = searchShards(docs.count, [{ term: word, sources: [{ base, indexes: shardsFor(docs.shards, word).map(shardOf) }] }])
    const positions = [...hits.ranked.subarray(0, PAGE_SIZE)]
    if (positions.length > 0) pages.set(word, { v: docs.v, positions, cards: positions.map((position) => cards[position]!) })
  }
  return pages
}

/**
 * Terms grouped by key, a key split by one more letter while its shard is over the limit; with the
 * shards' gzip size together (each shard is compressed once, to check it against the limit).
 */
function splitShards(entries: Entry[], limit: number, v: string): { shards: Map<string, string>; shardsGzipBytes: number } {
  const shards = new Map<string, string>()
  let shardsGzipBytes = 0
  const keep = (key: string, text: string, gzipBytes = gzipSync(text).length) => {
    shards.set(key, text)
    shardsGzipBytes += gzipBytes
  }
  const place = (key: string, group: Entry[]) => {
    const text = JSON.stringify({ v, terms: group } satisfies SearchShardFile)
    const gzipBytes = gzipSync(text).length
    if ([...key].length >= MAX_KEY_LENGTH || text.length <= limit || gzipBytes <= limit) return keep(key, text, gzipBytes)
    // Terms that are the key itself stay in its shard; longer ones go one letter deeper.
    const exact = group.filter(([term]) => term === key)
    if (exact.length > 0) keep(key, JSON.stringify({ v, terms: exact } satisfies SearchShardFile))
    for (const [sub, subGroup] of groupBy(group.filter(([term]) => term !== key), [...key].length + 1)) place(sub, subGroup)
  }
  for (const [key, group] of groupBy(entries, 1)) place(key, group)
  return { shards, shardsGzipBytes }
}

function groupBy(entries: Entry[], letters: number): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>()
  for (const entry of entries) {
    const key = [...entry[0]].slice(0, letters).join('')
    const group = groups.get(key) ?? []
    group.push(entry)
    groups.set(key, group)
  }
  return groups
}
