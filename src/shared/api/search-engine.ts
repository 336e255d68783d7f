/**
 * The browser's half of the split search indexes (src/content/emit/search-index.ts), in the lazily
 * loaded search chunk. It ranks as MiniSearch does (BM25+ over every post, with the field lengths of
 * each index's `docs.json`, prefix and fuzzy matches weighted alike, a post's score the sum of its
 * fields' in every index given; a unit test holds the two equal), but over
 * typed arrays: each shard is decoded once into sorted terms and postings, and a query adds scores into
 * one array per word, with no object per post, so a keystroke at 10,000 posts costs a few milliseconds.
 *
 * A word matches the terms of its shards equal to it, starting with it, or within
 * `round(0.2 * length)` edits of it (Levenshtein); every word must match (AND); a post's score is the sum
 * of its words' scores.
 */
import { processTerm, RANKING, SEARCH_INDEXES, searchQueryOptions, tokenize } from '../search-options.ts'
import type { SearchDocsFile, SearchShardFile } from '../list-data.ts'

const FUZZY = typeof searchQueryOptions.fuzzy === 'number' ? searchQueryOptions.fuzzy : 0.2

/** One index's `docs.json`, ready to score with. */
export interface SearchBase {
  count: number
  /** The index's fields' boosts, in its order. */
  boosts: number[]
  average: number[]
  lengths: Int32Array
  shards: string[]
  shardsGzipBytes: number
  /** The one-word queries with a file of their first page and its cards (`FirstPageFile`). */
  pages: Set<string>
}

interface Postings {
  positions: Int32Array
  frequencies: Int32Array
}

export interface ShardIndex {
  /** Sorted (by code unit, as the build sorts them). */
  terms: string[]
  /** By term, by field. */
  postings: Array<Array<Postings | null>>
}

export interface SearchHits {
  /** The posts found, best first (list order among equals). */
  ranked: Int32Array
  /** A post's score (0 when not found). */
  score: (position: number) => number
  /** The words of a post that matched, for marking them. */
  terms: (position: number) => string[]
}

export function prepareDocs(docs: SearchDocsFile): SearchBase {
  const boosts = SEARCH_INDEXES[docs.index].map((field) => searchQueryOptions.boost?.[field] ?? 1)
  return { count: docs.count, boosts, average: docs.average, lengths: Int32Array.from(docs.lengths), shards: docs.shards, shardsGzipBytes: docs.shardsGzipBytes, pages: new Set(docs.pages) }
}

export function shardIndex(shard: SearchShardFile): ShardIndex {
  const terms: string[] = []
  const postings: ShardIndex['postings'] = []
  for (const [term, ...fields] of shard.terms) {
    terms.push(term)
    postings.push(
      fields.map((flat) => {
        if (!flat) return null
        const positions = new Int32Array(flat.length / 2)
        const frequencies = new Int32Array(flat.length / 2)
        let position = 0
        for (let at = 0; at < flat.length; at += 2) {
          position += flat[at]!
          positions[at / 2] = position
          frequencies[at / 2] = flat[at + 1]!
        }
        return { positions, frequencies }
      }),
    )
  }
  return { terms, postings }
}

/** The words of a query as the index has them. */
export function queryTerms(query: string): string[] {
  return [...new Set(tokenize(query).map(processTerm).filter(Boolean))]
}

/** The query's one word, when the build wrote its first page (`FirstPageFile`), else null. */
export function firstPageWord(base: SearchBase, query: string): string | null {
  const terms = queryTerms(query)
  return terms.length === 1 && base.pages.has(terms[0]!) ? terms[0]! : null
}

/** The shards a word may find terms in: those whose key starts it, and those it is a prefix of. */
export function shardsFor(shards: readonly string[], term: string): string[] {
  return shards.filter((key) => term.startsWith(key) || key.startsWith(term))
}

/** A word's shards in one index (with that index's docs). */
export interface WordSource {
  base: SearchBase
  indexes: ShardIndex[]
}

/**
 * The posts every word matches in any field of the indexes given (the first index alone, or the first
 * and the body's), scored as one MiniSearch index of those fields would score them.
 */
export function searchShards(count: number, words: Array<{ term: string; sources: WordSource[] }>): SearchHits {
  const matched: Array<Array<{ term: string; postings: Array<Postings | null> }>> = []
  let total: Float64Array | null = null
  for (const { term, sources } of words) {
    const scores = new Float64Array(count)
    const found: Array<{ term: string; postings: Array<Postings | null> }> = []
    const maxDistance = Math.min(RANKING.maxFuzzy, Math.round(term.length * FUZZY))
    for (const { base, indexes } of sources) for (const index of indexes) {
      const first = lowerBound(index.terms, term)
      for (let at = first; at < index.terms.length && index.terms[at]!.startsWith(term); at += 1) {
        const candidate = index.terms[at]!
        const extra = candidate.length - term.length
        addScores(base, scores, index.postings[at]!, extra === 0 ? 1 : (RANKING.prefixWeight * candidate.length) / (candidate.length + 0.3 * extra))
        found.push({ term: candidate, postings: index.postings[at]! })
      }
      if (maxDistance === 0) continue
      for (let at = 0; at < index.terms.length; at += 1) {
        const candidate = index.terms[at]!
        if (Math.abs(candidate.length - term.length) > maxDistance || candidate.startsWith(term)) continue
        const distance = editDistance(term, candidate, maxDistance)
        if (distance > maxDistance) continue
        addScores(base, scores, index.postings[at]!, (RANKING.fuzzyWeight * candidate.length) / (candidate.length + distance))
        found.push({ term: candidate, postings: index.postings[at]! })
      }
    }
    matched.push(found)
    if (total === null) total = scores
    else for (let position = 0; position < count; position += 1) total[position] = scores[position]! > 0 && total[position]! > 0 ? total[position]! + scores[position]! : 0
  }
  const scores = total ?? new Float64Array(count)
  // MiniSearch multiplies by the number of words found: the same for every post under AND.
  if (words.length > 1) for (let position = 0; position < count; position += 1) scores[position]! *= words.length
  const ranked = rankByScore(scores)
  return {
    ranked,
    score: (position) => scores[position] ?? 0,
    terms: (position) => {
      if (!(scores[position]! > 0)) return []
      const terms = new Set<string>()
      for (const found of matched) for (const { term, postings } of found) if (postings.some((field) => field && contains(field.positions, position))) terms.add(term)
      return [...terms]
    },
  }
}

/**
 * The first results refined by the body's: the posts found in titles, descriptions and tags keep their
 * order (the reader may be reaching for one of them), and the posts only a body matches follow, best
 * first. The same rule however the files arrived, so a query always lists its posts alike, a title
 * match before a body match.
 */
export function refineHits(first: SearchHits, full: SearchHits): SearchHits {
  const shown = new Set(first.ranked)
  const below = full.ranked.filter((position) => !shown.has(position))
  const ranked = new Int32Array(first.ranked.length + below.length)
  ranked.set(first.ranked)
  ranked.set(below, first.ranked.length)
  return { ranked, score: full.score, terms: full.terms }
}

/**
 * The posts with a score, best first, list order among equals. A radix sort of the scores' bits rather
 * than a comparison sort: a short word finds nearly every post, and at 10,000 posts sorting them with a
 * comparator took 2-5 ms of each keystroke. Positive doubles order as their bits do (as unsigned
 * integers), so sorting by the bits is sorting by the score; each pass is stable, so equal scores keep
 * the list order the posts were collected in.
 */
export function rankByScore(scores: Float64Array): Int32Array {
  let hits = 0
  for (let position = 0; position < scores.length; position += 1) if (scores[position]! > 0) hits += 1
  let ranked = new Int32Array(hits)
  for (let position = 0, at = 0; position < scores.length; position += 1) if (scores[position]! > 0) ranked[at++] = position
  if (hits < 2) return ranked
  const bits = new Uint32Array(scores.buffer, scores.byteOffset, scores.length * 2)
  // The low half of each double (its first word on little-endian machines, as every browser's is), then
  // the high half, 8 bits at a time; each key inverted, for the best first.
  const low = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1
  let spare = new Int32Array(hits)
  const buckets = new Int32Array(256)
  for (const half of [low, 1 - low]) {
    for (let shift = 0; shift < 32; shift += 8) {
      buckets.fill(0)
      for (let at = 0; at < hits; at += 1) buckets[255 - ((bits[ranked[at]! * 2 + half]! >>> shift) & 255)]! += 1
      // Skipped when every key has the same byte here (the highest bits of scores of similar size).
      if (buckets.includes(hits)) continue
      for (let bucket = 0, start = 0; bucket < 256; bucket += 1) {
        const size = buckets[bucket]!
        buckets[bucket] = start
        start += size
      }
      for (let at = 0; at < hits; at += 1) {
        const position = ranked[at]!
        spare[buckets[255 - ((bits[position * 2 + half]! >>> shift) & 255)]!++] = position
      }
      const swap = ranked
      ranked = spare
      spare = swap
    }
  }
  return ranked
}

/** BM25+ of one term's postings, as MiniSearch scores a term, into `scores`. */
function addScores(base: SearchBase, scores: Float64Array, byField: Array<Postings | null>, weight: number) {
  const { k, b, d } = RANKING
  byField.forEach((postings, field) => {
    if (!postings) return
    const { positions, frequencies } = postings
    const matching = positions.length
    const inverse = Math.log(1 + (base.count - matching + 0.5) / (matching + 0.5))
    const average = base.average[field]!
    const boost = weight * base.boosts[field]!
    const fields = base.boosts.length
    for (let at = 0; at < matching; at += 1) {
      const position = positions[at]!
      const frequency = frequencies[at]!
      const length = base.lengths[position * fields + field]!
      scores[position]! += boost * inverse * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / average)))
    }
  })
}

/** The first position in `sorted` whose value is not below `value`. */
function lowerBound<T extends string | number>(sorted: ArrayLike<T>, value: T): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

function contains(sorted: Int32Array, value: number): boolean {
  return sorted[lowerBound(sorted, value)] === value
}

/** Levenshtein distance (in UTF-16 units, as MiniSearch counts), or `max + 1` once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const width = b.length + 1
  // Two rows, kept between calls: a keystroke compares a word with thousands of terms.
  if (rows[0].length < width) rows = [new Int32Array(width * 2), new Int32Array(width * 2)]
  let [previous, current] = rows
  for (let j = 0; j < width; j += 1) previous[j] = j
  for (let i = 1; i <= a.length; i += 1) {
    const code = a.charCodeAt(i - 1)
    current[0] = i
    let best = i
    for (let j = 1; j < width; j += 1) {
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1
      const distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      current[j] = distance
      if (distance < best) best = distance
    }
    if (best > max) return max + 1
    const swap = previous
    previous = current
    current = swap
  }
  return Math.min(previous[b.length]!, max + 1)
}

let rows: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)]
