/**
 * How posts are searched, shared by the build (which makes the index) and the browser (which loads
 * it on first use): the same fields and tokenizer on both sides, or the index would not match.
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

export const searchIndexOptions: Options<SearchDocument> = {
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  idField: 'id',
}

/** Prefix and typo-tolerant: `lead` finds leadership, `leadrship` too. */
export const searchQueryOptions: SearchOptions = {
  prefix: true,
  fuzzy: 0.2,
  combineWith: 'AND',
  boost: { title: 3, tags: 2, description: 1.5 },
}
