/**
 * A short word's first page of results with its cards, in one file (`FirstPageFile`, written beyond
 * EVERY_CARD_MAX_POSTS posts): such a word matches posts spread over the whole list, and its 20 cards
 * lay in up to 20 chunks, each a request the keystroke waited for. The route loads the file beside the
 * query's first hits (search-code.ts's `loadFirstPage`); list-queries.ts's `cachedCards` reads it. In the
 * search code's chunk.
 */
import { EVERY_CARD_MAX_POSTS, listFiles, type FirstPageFile, type ListPost } from '../list-data.ts'
import type { SearchBase } from './search-engine.ts'
import { fetchListFile } from './fetch-list-file.ts'

/** A word's first page file, as the cards by list position (search-query.ts's `firstPageQuery`). */
export async function fetchFirstPage(v: string, word: string, signal: AbortSignal): Promise<Map<number, ListPost>> {
  const file = await fetchListFile<FirstPageFile>(listFiles.firstPage(word), v, signal)
  return new Map(file.positions.map((position, index) => [position, file.cards[index]!]))
}

/**
 * What loads with the whole first index, on the reader's pause, in a list too long to load every card:
 * the first page of each one-letter search (~2.4 KB gzip each), so the first letter of a later word
 * shows its cards without a fetch.
 */
export function oneLetterPages(base: SearchBase): string[] {
  return base.count > EVERY_CARD_MAX_POSTS ? [...base.pages].filter((word) => [...word].length === 1) : []
}
