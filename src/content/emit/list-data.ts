/**
 * What the list page is served (the contract is in src/shared/list-data.ts): the head, a file per page
 * of the unfiltered list and of each tag, the first page of every tag in one file, every post's tags,
 * the cards in chunks of a page, the catalog of every post (for tools), and the split search indexes. Prerendered list pages
 * inline the head and their own page, nothing more, so the first load of the list stays the same size at
 * 100 or 10,000 posts.
 */
import { createHash } from 'node:crypto'
import type { PostSummary } from '../../shared/post-data.ts'
import type { FormattedText } from '../../shared/formatted-text.ts'
import { countTags } from '../../shared/list-filter.ts'
import { computeView, encodeLook } from '../../shared/list-view.ts'
import { listFiles, PAGE_SIZE, type CardsFile, type CatalogFile, type ListHead, type ListPost, type ListViewPage, type PostTagsFile, type TagPagesFile, type ViewSource } from '../../shared/list-data.ts'
import type { Collection } from '../site/collection.ts'
import { buildSearchFiles } from './search-index.ts'

export interface ListData {
  head: ListHead
  catalog: CatalogFile
  /** The pages of the unfiltered list (page 1 first; at least one, maybe empty). */
  all: ListViewPage[]
  /** By tag key: the pages of its posts. */
  byTag: Map<string, ListViewPage[]>
  /** Every card, in chunks of `PAGE_SIZE` (list order). */
  cards: ListPost[][]
}

// The prerender and the data files both need it, from the same index: made once.
const made = new WeakMap<PostSummary[], ListData>()

export function buildListData(posts: PostSummary[]): ListData {
  const cached = made.get(posts)
  if (cached) return cached
  const tags = countTags(posts)
  const tagIds = new Map(tags.map((entry, index) => [entry.tag.key, index]))
  const catalog: Omit<CatalogFile, 'v'> = {
    slug: posts.map((post) => post.slug),
    title: posts.map((post) => post.title),
    date: posts.map((post) => post.date),
    minutes: posts.map((post) => post.readingMinutes),
    tags: posts.map((post) => post.tags.map((tag) => tagIds.get(tag.key)!)),
    look: posts.map((post) => encodeLook(post.style, post.color)),
  }
  const sparse = <T>(name: 'names' | 'externalUrl' | 'permalink' | 'error', value: (post: PostSummary, position: number) => T | null | undefined) => {
    const entries = posts.flatMap((post, position) => {
      const found = value(post, position)
      return found === null || found === undefined ? [] : [[position, found] as const]
    })
    if (entries.length > 0) Object.assign(catalog, { [name]: Object.fromEntries(entries) })
  }
  sparse('names', (post) => (post.tags.some((tag) => tag.name !== tags[tagIds.get(tag.key)!]!.tag.name) ? post.tags.map((tag) => tag.name) : null))
  sparse('externalUrl', (post) => post.externalUrl)
  sparse('permalink', (post) => post.permalink)
  sparse('error', (post) => post.error)
  // The version names this order of posts: positional files of another build are refused.
  const v = createHash('sha256').update(JSON.stringify(catalog)).digest('hex').slice(0, 12)

  const head: ListHead = { v, total: posts.length, tags }
  const cards = posts.map(listPost)
  const everyone = posts.map((_, position) => position)
  const pagesOf = (result: { matches: number[]; counts: number[] }): ListViewPage[] => {
    const pages: ListViewPage[] = []
    for (let start = 0; start === 0 || start < result.matches.length; start += PAGE_SIZE) {
      const posts = result.matches.slice(start, start + PAGE_SIZE).map((position) => cards[position]!)
      pages.push({ v, total: result.matches.length, counts: result.counts, posts })
    }
    return pages
  }
  const all = pagesOf(computeView(catalog.tags, everyone, [], 'any', tags.length))
  const byTag = new Map(tags.map((entry, id) => [entry.tag.key, pagesOf(computeView(catalog.tags, everyone, [id], 'any', tags.length))]))
  const chunks: ListPost[][] = []
  for (let start = 0; start < posts.length; start += PAGE_SIZE) chunks.push(cards.slice(start, start + PAGE_SIZE))
  const data = { head, catalog: { v, ...catalog }, all, byTag, cards: chunks }
  made.set(posts, data)
  return data
}

/** Every list view the build writes (and prerenders): the unfiltered list's pages and each tag's. */
export function staticViews(data: ListData): Array<{ source: ViewSource; page: number; view: ListViewPage }> {
  return [
    ...data.all.map((view, index) => ({ source: { kind: 'all' } as const, page: index + 1, view })),
    ...[...data.byTag].flatMap(([key, pages]) => pages.map((view, index) => ({ source: { kind: 'tag', key } as const, page: index + 1, view }))),
  ]
}

/** The first page of every tag, each card once (tags' first pages share many posts). */
export function tagPages(data: ListData): TagPagesFile {
  const cards: ListPost[] = []
  const placeOf = new Map<ListPost, number>()
  const views = data.head.tags.map(({ tag }) => {
    const { total, counts, posts } = data.byTag.get(tag.key)![0]!
    return {
      total,
      counts,
      posts: posts.map((card) => {
        let place = placeOf.get(card)
        if (place === undefined) placeOf.set(card, (place = cards.push(card) - 1))
        return place
      }),
    }
  })
  return { v: data.head.v, cards, views }
}

/** The list's files, by path under the data folder. */
export function listDataFiles(data: ListData): Map<string, string> {
  const files = new Map<string, string>()
  files.set(listFiles.head, JSON.stringify(data.head))
  files.set(listFiles.catalog, JSON.stringify(data.catalog))
  files.set(listFiles.tagPages, JSON.stringify(tagPages(data)))
  files.set(listFiles.postTags, JSON.stringify({ v: data.head.v, tags: data.catalog.tags } satisfies PostTagsFile))
  for (const { source, page, view } of staticViews(data)) files.set(listFiles.view(source, page), JSON.stringify(view))
  data.cards.forEach((cards, chunk) => files.set(listFiles.cards(chunk), JSON.stringify({ v: data.head.v, cards } satisfies CardsFile)))
  return files
}

/** The list's and the search's files for a collection. */
export function emitListFiles(collection: Collection): Map<string, string> {
  const data = buildListData(collection.index.posts)
  return new Map([...listDataFiles(data), ...searchFilesOf(collection, data)])
}

/** The search's files, made with the list's version and cards (for the short words' first pages). */
export function searchFilesOf(collection: Collection, data: ListData): Map<string, string> {
  return buildSearchFiles(collection, data.head.v, {}, data.cards.flat())
}

function listPost(post: PostSummary): ListPost {
  const { slug, title, date, tags, readingMinutes, style, color, externalUrl, permalink, error } = post
  return { slug, title, date, tags, readingMinutes, style, color, externalUrl, permalink, excerpt: cardExcerpt(post), ...(error === undefined ? {} : { error }) }
}

/** The card's excerpt: the formatted description when it has formatting, else the plain text (a string, as small as before). */
function cardExcerpt(post: PostSummary): FormattedText {
  return post.description !== undefined && typeof post.description !== 'string' ? post.description : post.excerpt
}
