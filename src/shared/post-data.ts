/**
 * The data contract between the content pipeline (build time) and the app (browser and prerender).
 * The pipeline writes these shapes as JSON; the app reads them. Nothing here depends on Node or the DOM.
 */
import type { FormattedText } from './formatted-text.ts'
import type { Root } from 'hast'
import type { SeriesNav } from './archive-data.ts'

/** The theme's card colors (Bootstrap's names, as portfolYOU's `color` front matter uses them). */
export const CARD_COLORS = [
  'primary',
  'secondary',
  'success',
  'danger',
  'warning',
  'info',
  'light',
  'dark',
] as const
export type CardColor = (typeof CARD_COLORS)[number]
export type CardStyle = 'fill' | 'border'

export interface Tag {
  /** What the author wrote, e.g. `External Post`. */
  name: string
  /** Case-insensitive key used in URLs, e.g. `external-post`. */
  key: string
}

/** Everything the list needs about one post: no body. */
export interface PostSummary {
  slug: string
  title: string
  /** The author's calendar date, `YYYY-MM-DD`, or null when the post has none. */
  date: string | null
  tags: Tag[]
  /** Plain text: the description without its markup, or the post's first words. Meta tags, feeds and search read it. */
  excerpt: string
  /** The front matter's `description`, when there is one; with its HTML formatting kept (sanitized) when it has any. */
  description?: FormattedText
  wordCount: number
  readingMinutes: number
  style: CardStyle | null
  color: CardColor | null
  externalUrl: string | null
  image: string | null
  comments: boolean
  /** The post's own `permalink` (an app path such as `/2019/02/my-post/`), or null for `/blog/<slug>`. */
  permalink: string | null
  /** The post's own language (`lang:` front matter, a BCP 47 tag): set on its article, not the interface. */
  lang?: string
  /** Set when the post could not be read: the message names file, line and fix (dev server only). */
  error?: string
}

/** Enough of another post to link to it. */
export interface PostLink {
  slug: string
  title: string
  date: string | null
  permalink: string | null
}

/** A heading of the post, for its table of contents. */
export interface TocEntry {
  id: string
  text: string
  depth: number
}

/** One post as the post page loads it. */
export interface PostData {
  summary: PostSummary
  /** The post body, already parsed, sanitized and transformed at build time. */
  body: Root
  /** Its h2-h4 headings, in order. */
  toc: TocEntry[]
  /** The next newer and next older post of the list. */
  newer: PostLink | null
  older: PostLink | null
  /** Up to three posts that share the most tags with it. */
  related: PostLink[]
  /** The series the post is part of (`series:` front matter); null or absent when none. */
  series?: SeriesNav | null
  /**
   * False when the build wrote no highlight pages (`highlightPages`, decided per build: see
   * src/content/prerender/highlight-pages.ts): the post's highlights then link into it. Absent: they have pages.
   */
  highlightPages?: false
}

/** Every published post's summary, newest first: the build's whole index. */
export interface PostIndex {
  posts: PostSummary[]
}

/**
 * The posts that have their own `permalink`, as `[permalinkKey(permalink), slug]` (`data/permalinks.json`):
 * what a URL that is not `/blog/<slug>/` is looked up in. Most blogs have none, so it is small; every slug
 * is in `data/slugs.json`, loaded only when a link's slug differs in case.
 */
export type PermalinkTable = Array<[key: string, slug: string]>
