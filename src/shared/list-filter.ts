/**
 * The list page's filter, kept in a readable URL so it can be shared and restored:
 * `/?tags=leadership,growth&match=all`. Tags match case-insensitively by their key.
 */
import type { PostSummary, Tag } from './post-data.ts'
import { tagKey } from './tag-key.ts'

export type TagMatch = 'any' | 'all'

export interface ListFilter {
  tags: string[]
  match: TagMatch
  /** Search text; empty for none. */
  q: string
}

export const NO_FILTER: ListFilter = { tags: [], match: 'any', q: '' }

export function parseListFilter(search: URLSearchParams): ListFilter {
  const raw = [...search.getAll('tags'), ...search.getAll('tag')].flatMap((value) => value.split(','))
  const tags = [...new Set(raw.map(tagKey).filter(Boolean))]
  return { tags, match: search.get('match') === 'all' ? 'all' : 'any', q: (search.get('q') ?? '').trim() }
}

/**
 * Which page of a view, from `?page=2` or a `/page/2/` path: null when the text is no page number
 * (the list then says there is no such page).
 */
export function parseListPage(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return 1
  return /^[1-9]\d{0,6}$/.test(value) ? Number(value) : null
}

/** Where a view of the list is: its filter, its page, and the tag of a `/blog/tags/<tag>/` path. */
export interface ListLocation {
  filter: ListFilter
  page: number
  /** Set on a tag's own page: its pages stay under its path. */
  tagRoute?: string
}

/**
 * The view a list URL shows: `params` are the route's (`tag` on a tag's page, `page` on a numbered
 * page), `search` the query. A page that is no number is page 0, which does not exist.
 */
export function listLocation(search: URLSearchParams, params: { tag?: string | undefined; page?: string | undefined }): ListLocation {
  const page = parseListPage(params.page ?? search.get('page')) ?? 0
  if (params.tag === undefined) return { filter: parseListFilter(search), page }
  const filter = parseListFilter(new URLSearchParams({ tags: params.tag }))
  return { filter, page, tagRoute: filter.tags[0] ?? '' }
}

/** Route paths of the list's numbered pages (under the router's basename). */
export const listPaths = {
  page: '/page/:page',
  tagPage: '/blog/tags/:tag/page/:page',
}

/**
 * The URL of a view. The unfiltered list and a tag's page are prerendered, page by page, at real paths
 * (`/page/2/`, `/blog/tags/growth/page/2/`), so their pages work without JavaScript and can be shared;
 * a reader's own filter keeps its page in the query (`/?tags=a,b&page=2`) with the rest of the filter.
 */
export function listHref({ filter, page, tagRoute }: ListLocation): string {
  const paged = page > 1 ? `page/${page}/` : ''
  if (tagRoute !== undefined && !filter.q && filter.tags.length === 1 && filter.tags[0] === tagRoute) {
    return `/blog/tags/${encodeURIComponent(tagRoute)}/${paged}`
  }
  const search = serializeListFilter(filter)
  if (!search) return `/${paged}`
  return `/?${search}${page > 1 ? `&page=${page}` : ''}`
}

/** `tags=leadership,growth&match=all&q=peers`: commas stay commas, so the URL reads as it means. */
export function serializeListFilter(filter: Partial<ListFilter>): string {
  const parts: string[] = []
  if (filter.tags && filter.tags.length > 0) parts.push(`tags=${filter.tags.map(encodeURIComponent).join(',')}`)
  if (filter.match === 'all' && (filter.tags?.length ?? 0) > 1) parts.push('match=all')
  if (filter.q) parts.push(`q=${encodeURIComponent(filter.q).replace(/%20/g, '+')}`)
  return parts.join('&')
}

/**
 * How many posts each tag would give if the reader clicked it now: added to the filter when it is not
 * chosen, taken out when it is. `candidates` are the posts the search (if any) left. The plain
 * definition, for a few posts; the list computes all tags at once with `computeView` (list-view.ts).
 */
export function countIfToggled(candidates: Array<Pick<PostSummary, 'tags'>>, filter: ListFilter, key: string): number {
  const tags = filter.tags.includes(key) ? filter.tags.filter((tag) => tag !== key) : [...filter.tags, key]
  const next = { ...filter, tags }
  return candidates.reduce((count, post) => count + (matchesFilter(post, next) ? 1 : 0), 0)
}

export function matchesFilter(post: Pick<PostSummary, 'tags'>, filter: ListFilter): boolean {
  if (filter.tags.length === 0) return true
  const keys = new Set(post.tags.map((tag) => tag.key))
  return filter.match === 'all' ? filter.tags.every((key) => keys.has(key)) : filter.tags.some((key) => keys.has(key))
}

export interface TagCount {
  tag: Tag
  count: number
}

/**
 * Every tag with the number of posts that carry it. Authors spell a tag differently across posts
 * (`Growth`, `growth`); the name shown is the spelling most posts use.
 */
export function countTags(posts: Array<Pick<PostSummary, 'tags'>>): TagCount[] {
  const spellings = new Map<string, Map<string, number>>()
  for (const post of posts) {
    for (const tag of post.tags) {
      const byName = spellings.get(tag.key) ?? new Map<string, number>()
      byName.set(tag.name, (byName.get(tag.name) ?? 0) + 1)
      spellings.set(tag.key, byName)
    }
  }
  return [...spellings]
    .map(([key, byName]) => {
      const [name] = [...byName].sort((a, b) => b[1] - a[1])[0]!
      const count = [...byName.values()].reduce((sum, each) => sum + each, 0)
      return { tag: { key, name }, count }
    })
    .sort((a, b) => a.tag.name.localeCompare(b.tag.name, undefined, { sensitivity: 'base' }))
}

/** The tag a URL key names, or a readable stand-in when no post has it. */
export function tagName(key: string, counts: TagCount[]): string {
  return counts.find((entry) => entry.tag.key === key)?.tag.name ?? key
}
