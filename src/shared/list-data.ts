/**
 * The list's data contract: what the build writes under `data/list/` and `data/search/`, and what the
 * list page reads. Sized so the first load of any list page stays small whatever the number of posts:
 *
 * - `list/head.json` (`ListHead`): the number of posts and every tag with its count. Inlined in every
 *   prerendered list page and the tags page; a few KB however many posts there are.
 * - `list/all/<n>.json`, `list/tag/<key>/<n>.json` (`ListViewPage`): one page of the unfiltered list or
 *   of one tag's posts, with the view's size and tag counts. Each prerendered list page inlines its own
 *   (so the first load holds one page of cards); paging and single-tag filters fetch one small file.
 * - `list/tag-pages.json` (`TagPagesFile`): the first page of every tag's view in one file (its cards
 *   once each), loaded when the list is idle or the reader reaches for the tag filter, so a tag click
 *   shows its posts at once. Its size grows with the number of tags, not of posts.
 * - `list/post-tags.json` (`PostTagsFile`): every post's tags, as numbers, in list order. Loaded for
 *   views no file above covers (several tags, a search): the view and the count of every tag toggle are
 *   computed from it in the browser, over every post, at once. About 30 KB gzip at 10,000 posts.
 * - `list/cards/<n>.json` (`CardsFile`): the cards (excerpt included) of positions `n * PAGE_SIZE ...`,
 *   fetched for the cards a computed view shows, and only those: a search's first page at 10,000 posts
 *   costs the chunks of its 20 cards, not every post's.
 * - `list/catalog.json` (`CatalogFile`): every post (list order) with what a card shows except its
 *   excerpt, and its tags as numbers. For tools and the offline copy's deploy id; the list page does
 *   not load it.
 * - `search/<index>/docs.json` and `search/<index>/<shard>.json`: the two search indexes (the first of
 *   titles, descriptions and tags, then the body's), each split by the first letters of its terms, so a
 *   query loads only the shards its words need (see src/content/emit/search-index.ts).
 * - `search/first/pages/<prefix>.json` (`FirstPageFile`): for a query of one word of up to three
 *   letters, its first page of results and their cards, in one file. Those words match the most posts,
 *   spread over the list: their 20 cards lay in up to 20 chunks, each a request the keystroke waited for.
 *
 * Everything positional carries `v`, the version of the post order it was made with: a page opened
 * before a new deploy must not show one post's excerpt under another's title.
 */
import type { PostSummary } from './post-data.ts'
import type { TagCount } from './list-filter.ts'
import type { FormattedText } from './formatted-text.ts'
import { DATA_FOLDER } from './data-paths.ts'
import type { SearchIndexName } from './search-options.ts'

/** Cards per page. Small enough for a light first load, large enough to scan. */
export const PAGE_SIZE = 20

/**
 * A list of at most this many posts has every card chunk loaded once a computed view (a search, several
 * tags) has shown its cards and the reader pauses (`CARDS_PAUSE_MS` without another view, list-queries.ts),
 * while the page is idle: ~2 KB gzip a chunk of 20 cards, ~100 KB at 1,000 posts. At 1,000 bench posts the
 * keystrokes whose results sat in chunks not loaded yet were the slow ones (a fetch each, six at a
 * time); a larger list keeps loading the chunks its views show (and, on a pause, the
 * first page files of one-letter searches: first-pages.ts). Not when the browser asks to save data.
 */
export const EVERY_CARD_MAX_POSTS = 2000

/** What a card in the list shows: a summary without what only the post page uses. */
export type ListPost = Pick<PostSummary, 'slug' | 'title' | 'date' | 'tags' | 'readingMinutes' | 'style' | 'color' | 'externalUrl' | 'permalink' | 'error'> & {
  /** Formatted only when the description is. */
  excerpt: FormattedText | null
}

export interface ListHead {
  v: string
  /** Published posts. */
  total: number
  /** Every tag with its number of posts, by name; a tag's number in the catalog is its place here. */
  tags: TagCount[]
}

export interface ListViewPage {
  v: string
  /** Posts in the view (all of them, not only this page's). */
  total: number
  /** By tag (in `ListHead.tags` order): how many posts the view would have if that tag were toggled. */
  counts: number[]
  posts: ListPost[]
}

/** The first page of every tag's view (`ListViewPage` each, with its posts given by their place in `cards`). */
export interface TagPagesFile {
  v: string
  /** Every card the views show, once. */
  cards: ListPost[]
  /** By tag (in `ListHead.tags` order). */
  views: Array<{ total: number; counts: number[]; posts: number[] }>
}

export interface CatalogFile {
  v: string
  slug: string[]
  title: string[]
  date: Array<string | null>
  minutes: number[]
  /** Each post's tags, by number. */
  tags: number[][]
  /** Card style and color in one number: `style * 9 + color` (0 for none, else 1 + index). */
  look: number[]
  /** What few posts have, by position: tag spellings other than the usual one, and the rest. */
  names?: Record<number, string[]>
  externalUrl?: Record<number, string>
  permalink?: Record<number, string>
  error?: Record<number, string>
}

/** Every post's tags, by number (their place in `ListHead.tags`), in list order. */
export interface PostTagsFile {
  v: string
  tags: number[][]
}

/** The cards of `PAGE_SIZE` posts in a row (`list/cards/<n>.json`). */
export interface CardsFile {
  v: string
  cards: ListPost[]
}

/** Field lengths and the shard list of one search index (`search/<index>/docs.json`). */
export interface SearchDocsFile {
  v: string
  /** Which index: its fields are `SEARCH_INDEXES[index]`. */
  index: SearchIndexName
  /** Indexed posts; a post's id in the index is its position in the list. */
  count: number
  /** Average length of each of the index's fields. */
  average: number[]
  /** Length of each field of each post, flattened: `lengths[position * fields + field]`. */
  lengths: number[]
  /** The shards' keys: every term is in the shard of the longest key it starts with. */
  shards: string[]
  /** Every shard's size together, gzip: a small index is loaded whole once the reader has searched. */
  shardsGzipBytes: number
  /** The first index's one-word queries with a `FirstPageFile` (absent in older builds: none). */
  pages?: string[]
}

/**
 * The first page of a one-word query's first results (the first index's, as the browser ranks them)
 * with their cards: `cards[i]` is the card of list position `positions[i]`.
 */
export interface FirstPageFile {
  v: string
  positions: number[]
  cards: ListPost[]
}

/**
 * One search shard: each term with, per field, its postings as a flat list of (position delta,
 * frequency) pairs, or 0 when the field does not have it.
 */
export interface SearchShardFile {
  v: string
  terms: Array<[string, ...Array<number[] | 0>]>
}

export type ViewSource = { kind: 'all' } | { kind: 'tag'; key: string }

export const LIST_FOLDER = 'list'
export const SEARCH_FOLDER = 'search'

/** Paths under the data folder, as the build writes them. */
export const listFiles = {
  head: `${LIST_FOLDER}/head.json`,
  catalog: `${LIST_FOLDER}/catalog.json`,
  tagPages: `${LIST_FOLDER}/tag-pages.json`,
  postTags: `${LIST_FOLDER}/post-tags.json`,
  view: (source: ViewSource, page: number) =>
    source.kind === 'all' ? `${LIST_FOLDER}/all/${page}.json` : `${LIST_FOLDER}/tag/${source.key}/${page}.json`,
  cards: (chunk: number) => `${LIST_FOLDER}/cards/${chunk}.json`,
  searchDocs: (index: SearchIndexName) => `${SEARCH_FOLDER}/${index}/docs.json`,
  /** A shard's file is named by its key's code points, so any script makes a plain file name. */
  searchShard: (index: SearchIndexName, key: string) => `${SEARCH_FOLDER}/${index}/${codePointName(key)}.json`,
  firstPage: (term: string) => `${SEARCH_FOLDER}/first/pages/${codePointName(term)}.json`,
}

function codePointName(text: string): string {
  return [...text].map((char) => char.codePointAt(0)!.toString(16)).join('-')
}

/** A data file's URL; `v` makes a new version a new URL for caches (hosts ignore the query). */
export function listDataUrl(basePath: string, file: string, v?: string): string {
  const path = file.split('/').map(encodeURIComponent).join('/')
  return `${basePath}${DATA_FOLDER}/${path}${v ? `?v=${encodeURIComponent(v)}` : ''}`
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE))
}

/**
 * Query keys of the list's data (general -> specific under `['posts']`, so the dev server's change
 * event refreshes them with the rest). Positional data is keyed by version: a new version is new data.
 * Here (not beside the queries) because the prerenderer, in Node, fills the same keys.
 */
export const listKeys = {
  all: ['posts', 'list'] as const,
  head: () => [...listKeys.all, 'head'] as const,
  view: (v: string, source: ViewSource, page: number) =>
    [...listKeys.all, v, 'view', source.kind === 'all' ? 'all' : `tag:${source.key}`, page] as const,
  catalog: (v: string) => [...listKeys.all, v, 'catalog'] as const,
  tagPages: (v: string) => [...listKeys.all, v, 'tag-pages'] as const,
  postTags: (v: string) => [...listKeys.all, v, 'post-tags'] as const,
  cards: (v: string, chunk: number) => [...listKeys.all, v, 'cards', chunk] as const,
  search: (v: string) => [...listKeys.all, v, 'search'] as const,
  firstHits: (v: string, query: string) => [...listKeys.search(v), 'first-hits', query] as const,
  hits: (v: string, query: string) => [...listKeys.search(v), 'hits', query] as const,
  firstPages: (v: string) => [...listKeys.all, v, 'first-page'] as const,
  firstPage: (v: string, term: string) => [...listKeys.firstPages(v), term] as const,
}
