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
export type SearchField = (typeof SEARCH_FIELDS)[number]

/**
 * The two indexes the build writes: the first, small, gives a query's first results; the body's
 * refines them (src/content/emit/search-index.ts).
 */
export const SEARCH_INDEXES = {
  first: ['title', 'description', 'tags'],
  body: ['body'],
} as const satisfies Record<string, readonly SearchField[]>
export type SearchIndexName = keyof typeof SEARCH_INDEXES

/** MiniSearch's options for the same index (the tests compare against it). */
export const searchIndexOptions: Options<SearchDocument> = {
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  idField: 'id',
  tokenize,
}

/** Prefix and typo-tolerant: `lead` finds leadership, `leadrship` too; every word must match. */
export const searchQueryOptions: SearchOptions = {
  prefix: true,
  fuzzy: 0.2,
  combineWith: 'AND',
  boost: { title: 3, tags: 2, description: 1.5 },
}

/** Spaces, line breaks and punctuation: where words end in scripts that separate them (MiniSearch's default). */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u
/**
 * Letters of scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan):
 * only a word segmenter can split them. Latin, Greek, Cyrillic, Hangul, Arabic, Hebrew, Devanagari... are
 * split at spaces and punctuation, as Intl.Segmenter splits them too.
 */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u

let segmenter: Intl.Segmenter | undefined

/**
 * The words of a text, the same at build time (Node) and in the browser: split at spaces and
 * punctuation, then every piece written in a script without spaces (Japanese, Chinese, Thai) split into
 * its words by `Intl.Segmenter` (granularity 'word', word-like segments only), so `東京` finds a post
 * saying `東京に行きました`. Text without such letters (nearly every English post) never reaches the
 * segmenter: at 10,000 posts it would cost seconds of build time to return the same words.
 */
export function tokenize(text: string): string[] {
  const pieces = text.split(SPACE_OR_PUNCTUATION)
  if (!UNSPACED_SCRIPT.test(text)) return pieces
  const words: string[] = []
  for (const piece of pieces) {
    if (!UNSPACED_SCRIPT.test(piece)) {
      words.push(piece)
      continue
    }
    // One locale everywhere (not the reader's): the words must be the ones the build indexed.
    segmenter ??= new Intl.Segmenter('und', { granularity: 'word' })
    for (const segment of segmenter.segment(piece)) if (segment.isWordLike) words.push(segment.segment)
  }
  return words
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
