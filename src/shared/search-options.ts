/**
 * How posts are searched, shared by the build (which makes the index) and the browser (which searches
 * it): the same fields and the same words on both sides, or the index would not match. The words and
 * the ranking are MiniSearch's (its default tokenizer and term processing, BM25+ with its weights for
 * prefix and fuzzy matches); a unit test holds the browser's search to MiniSearch's own results.
 */
import type { Options, SearchOptions } from 'minisearch'

export interface SearchDocument {
  /** The post's position in the list. */
  id: number
  title: string
  description: string
  tags: string
  body: string
}

export const SEARCH_FIELDS = ['title', 'description', 'tags', 'body'] as const

/** MiniSearch's options for the same index (the tests compare against it). */
export const searchIndexOptions: Options<SearchDocument> = {
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  idField: 'id',
}

/** Prefix and typo-tolerant: `lead` finds leadership, `leadrship` too; every word must match. */
export const searchQueryOptions: SearchOptions = {
  prefix: true,
  fuzzy: 0.2,
  combineWith: 'AND',
  boost: { title: 3, tags: 2, description: 1.5 },
}

/** MiniSearch's default tokenizer: words are split at spaces, line breaks and punctuation. */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u

export function tokenize(text: string): string[] {
  return text.split(SPACE_OR_PUNCTUATION)
}

/** MiniSearch's default term processing. */
export function processTerm(term: string): string {
  return term.toLowerCase()
}

/** MiniSearch's defaults for what the options above leave out. */
export const RANKING = {
  /** BM25+ parameters. */
  k: 1.2,
  b: 0.7,
  d: 0.5,
  /** A prefix match's and a fuzzy match's weight, before their length adjustment. */
  prefixWeight: 0.375,
  fuzzyWeight: 0.45,
  maxFuzzy: 6,
}
