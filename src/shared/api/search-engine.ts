/**
 * The browser's half of the split search index (src/content/search-index.ts), in the lazily loaded
 * search chunk with MiniSearch: each shard becomes a MiniSearch index over every post (field lengths
 * from `docs.json`, so ranking is the same as one index of everything), built once when it arrives.
 * A query runs each word against the shards that hold its terms and keeps the posts every word found
 * (`combineWith: 'AND'`), adding their scores as MiniSearch does.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch'
import { searchIndexOptions, searchQueryOptions, SEARCH_FIELDS, type SearchDocument } from '../search-options.ts'
import type { SearchDocsFile, SearchShardFile } from '../list-data.ts'

export interface SearchHit {
  score: number
  /** The words of the post that matched, lower case, for marking them. */
  terms: string[]
}

/** By post position. */
export type SearchHits = Map<number, SearchHit>

export interface SearchBase {
  docs: SearchDocsFile
  /** MiniSearch's serialized form without its terms: shared by every shard. */
  plain: Omit<AsPlainObject, 'index'>
}

export function prepareDocs(docs: SearchDocsFile): SearchBase {
  const fields = SEARCH_FIELDS.length
  const documentIds: Record<string, number> = {}
  const fieldLength: Record<string, number[]> = {}
  for (let position = 0; position < docs.count; position += 1) {
    documentIds[position] = position
    fieldLength[position] = docs.lengths.slice(position * fields, (position + 1) * fields)
  }
  return {
    docs,
    plain: {
      documentCount: docs.count,
      nextId: docs.count,
      documentIds,
      fieldIds: Object.fromEntries(SEARCH_FIELDS.map((field, index) => [field, index])),
      fieldLength,
      averageFieldLength: docs.average,
      storedFields: {},
      dirtCount: 0,
      serializationVersion: 2,
    },
  }
}

export function shardIndex(base: SearchBase, shard: SearchShardFile): MiniSearch<SearchDocument> {
  const index: AsPlainObject['index'] = shard.terms.map(([term, ...fields]) => {
    const byField: Record<string, Record<string, number>> = {}
    fields.forEach((postings, fieldId) => {
      if (!postings) return
      const byPost: Record<string, number> = {}
      let position = 0
      for (let at = 0; at < postings.length; at += 2) {
        position += postings[at]!
        byPost[position] = postings[at + 1]!
      }
      byField[fieldId] = byPost
    })
    return [term, byField]
  })
  return MiniSearch.loadJS<SearchDocument>({ ...base.plain, index }, searchIndexOptions)
}

/** The words of a query as the index has them (MiniSearch's default tokenizer and term processing). */
export function queryTerms(query: string): string[] {
  const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[]
  const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined | false
  return [...new Set(tokenize(query).map((term) => processTerm(term)).filter((term): term is string => Boolean(term)))]
}

/** The shards a word may find terms in: those whose key starts it, and those it is a prefix of. */
export function shardsFor(shards: readonly string[], term: string): string[] {
  return shards.filter((key) => term.startsWith(key) || key.startsWith(term))
}

/** Every word must match (in any of its shards); a post's score is the sum of its words' scores. */
export function searchShards(words: Array<{ term: string; indexes: Array<MiniSearch<SearchDocument>> }>): SearchHits {
  let hits: SearchHits | null = null
  for (const { term, indexes } of words) {
    const found: SearchHits = new Map()
    for (const index of indexes) {
      for (const result of index.search(term, searchQueryOptions)) {
        const position = Number(result.id)
        const hit = found.get(position)
        if (hit) {
          hit.score += result.score
          hit.terms.push(...result.terms.filter((each) => !hit.terms.includes(each)))
        } else found.set(position, { score: result.score, terms: [...result.terms] })
      }
    }
    if (hits === null) hits = found
    else {
      const both: SearchHits = new Map()
      for (const [position, hit] of found) {
        const earlier = hits.get(position)
        if (earlier) both.set(position, { score: earlier.score + hit.score, terms: [...new Set([...earlier.terms, ...hit.terms])] })
      }
      hits = both
    }
  }
  return hits ?? new Map()
}
