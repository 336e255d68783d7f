/**
 * All loaded posts -> what the app serves: the index (newest first, undated last) and each post's data,
 * plus the problems of the whole folder (duplicate slugs need every file to be seen).
 */
import type { PermalinkTable, PostIndex, PostLink, PostSummary } from '../../shared/post-data.ts'
import type { StoredPost } from '../post/stored-post.ts'
import type { Problem } from '../post/problem.ts'
import { emitListFiles } from '../emit/list-data.ts'
import { permalinkKey } from '../../shared/permalink-key.ts'
import { tagKey as tagKeyOfSeries } from '../../shared/tag-key.ts'
import { routeFiles } from '../../shared/data-paths.ts'
import { archiveFiles, type SeriesNav } from '../../shared/archive-data.ts'
import { groupSeries, seriesData, seriesNavFor, type Series } from './series.ts'
import { buildArchive } from '../emit/archive-data.ts'
import { bodyJson } from '../build/body-files.ts'

export interface Collection {
  index: PostIndex
  /** By slug, in the index's order. */
  posts: Map<string, CollectedPost>
  /** Posts sharing a `series:` value, by the series' key, parts in reading order. */
  series: Map<string, Series>
  problems: Problem[]
}

/** A served post and its place in the list. */
export interface CollectedPost {
  post: StoredPost
  newer: PostLink | null
  older: PostLink | null
  related: PostLink[]
  series: SeriesNav | null
}

/** Slugs whose `/blog/<slug>/` is one of the app's own pages. */
const APP_SLUGS = new Set(['archive', 'series'])

export function buildCollection(loaded: StoredPost[]): Collection {
  const problems: Problem[] = loaded.flatMap((post) => post.problems)
  const published = loaded
    .filter((post) => post.published)
    .sort((a, b) => a.file.localeCompare(b.file))

  // Static hosts may sit on case-insensitive file systems: `Post` and `post` would be one file.
  const owners = new Map<string, StoredPost>()
  const served: StoredPost[] = []
  for (const post of published) {
    const key = post.summary.slug.toLowerCase()
    if (APP_SLUGS.has(key)) {
      const reason = `The slug "${post.summary.slug}" is the address of the blog's ${key} pages (/blog/${key}/). Rename the file or give the post a \`slug:\` in its front matter`
      problems.push({ file: post.file, line: 1, column: 1, reason, fatal: true })
      continue
    }
    const owner = owners.get(key)
    if (owner) {
      const reason = `Duplicate slug "${post.summary.slug}": ${owner.file} has it too. Rename one of the two files or give one a \`slug:\` in its front matter`
      problems.push({ file: post.file, line: 1, column: 1, reason, fatal: true })
      continue
    }
    const permalink = post.summary.permalink && `permalink:${permalinkKey(post.summary.permalink)}`
    const permalinkOwner = permalink ? owners.get(permalink) : undefined
    if (permalink && permalinkOwner) {
      const reason = `Duplicate permalink "${post.summary.permalink}": ${permalinkOwner.file} has it too. Change one of the two \`permalink:\` lines`
      problems.push({ file: post.file, line: 1, column: 1, reason, fatal: true })
      continue
    }
    owners.set(key, post)
    if (permalink) owners.set(permalink, post)
    served.push(post)
  }

  served.sort(newestFirst)
  const summaries = served.map((post) => post.summary)
  const related = relatedPosts(summaries)
  const series = groupSeries(served)
  return {
    index: { posts: summaries },
    series,
    posts: new Map(
      served.map((post, position) => [
        post.summary.slug,
        {
          post,
          newer: position > 0 ? linkTo(summaries[position - 1]!) : null,
          older: position < summaries.length - 1 ? linkTo(summaries[position + 1]!) : null,
          related: related[position]!,
          series: post.series ? seriesNavFor(series.get(tagKeyOfSeries(post.series.name)), post.summary.slug) : null,
        },
      ]),
    ),
    problems,
  }
}

/** What a post's data is made of: a collected post, or the part of it a prerender task carries. */
export type PostDataParts = Pick<CollectedPost, 'newer' | 'older' | 'related' | 'series'> & { post: Pick<StoredPost, 'summary' | 'body' | 'toc'> }

/** A post's data file (`PostData` as JSON), put together without parsing its body again (read from its body file in a build). */
export function postDataJson({ post, newer, older, related, series }: PostDataParts): string {
  const rest = JSON.stringify({ toc: post.toc, newer, older, related, series })
  return `{"summary":${JSON.stringify(post.summary)},"body":${bodyJson(post.body)},${rest.slice(1)}`
}

const RELATED_COUNT = 3

function linkTo(post: PostSummary): PostLink {
  return { slug: post.slug, title: post.title, date: post.date, permalink: post.permalink }
}

/**
 * For each post (in list order), the posts sharing the most tags with it; among equals, the list's
 * order (newest first). Only posts sharing a tag are compared, through a tag -> positions index, and
 * only the best few are kept: at 10,000 posts comparing every pair would take minutes.
 */
export function relatedPosts(posts: PostSummary[]): PostLink[][] {
  const byTag = new Map<string, number[]>()
  posts.forEach((post, position) => {
    if (post.error) return
    for (const tag of post.tags) {
      const positions = byTag.get(tag.key) ?? []
      positions.push(position)
      byTag.set(tag.key, positions)
    }
  })
  const shared = new Uint16Array(posts.length)
  return posts.map((post, position) => {
    const touched: number[] = []
    for (const tag of post.tags) {
      for (const other of byTag.get(tag.key) ?? []) {
        if (other === position) continue
        if (shared[other] === 0) touched.push(other)
        shared[other]! += 1
      }
    }
    // The best RELATED_COUNT: most shared tags, then nearest the top of the list.
    const best: number[] = []
    for (const other of touched) {
      const better = (a: number, b: number) => shared[a]! > shared[b]! || (shared[a] === shared[b] && a < b)
      let at = best.length
      while (at > 0 && better(other, best[at - 1]!)) at -= 1
      if (at < RELATED_COUNT) {
        best.splice(at, 0, other)
        if (best.length > RELATED_COUNT) best.pop()
      }
    }
    for (const other of touched) shared[other] = 0
    return best.map((other) => linkTo(posts[other]!))
  })
}

function newestFirst(a: StoredPost, b: StoredPost): number {
  if (a.timestamp !== null && b.timestamp !== null && a.timestamp !== b.timestamp) return b.timestamp - a.timestamp
  if (a.timestamp === null && b.timestamp !== null) return 1
  if (b.timestamp === null && a.timestamp !== null) return -1
  return a.summary.title.localeCompare(b.summary.title)
}

/**
 * The files of the whole collection, by path under the data folder: the tables that find a post from
 * another URL (`permalinks.json`, `slugs.json`) and the list's `list/` and `search/` files
 * (src/content/emit/list-data.ts). A post's own data is inlined in its page (see prerender.ts).
 */
export function emitDataFiles(collection: Collection): Map<string, string> {
  const files = new Map<string, string>()
  for (const [path, text] of routeDataFiles(collection)) files.set(path, text)
  for (const [path, text] of emitListFiles(collection)) files.set(path, text)
  for (const [path, text] of archiveDataFiles(collection)) files.set(path, text)
  return files
}

/** The archive's files and one file per series (see src/shared/archive-data.ts). */
export function archiveDataFiles(collection: Collection): Map<string, string> {
  const archive = buildArchive(collection.index.posts)
  const files = new Map<string, string>([[archiveFiles.index, JSON.stringify(archive.index)]])
  for (const year of archive.years) files.set(archiveFiles.year(year.year), JSON.stringify(year))
  for (const series of collection.series.values()) files.set(archiveFiles.series(series.key), JSON.stringify(seriesData(series)))
  return files
}

/** `permalinks.json` and `slugs.json` (see PermalinkTable). */
export function routeDataFiles(collection: Collection): Map<string, string> {
  return new Map([
    [routeFiles.permalinks, JSON.stringify(permalinkTable(collection))],
    [routeFiles.slugs, JSON.stringify([...collection.posts.keys()])],
  ])
}

export function permalinkTable(collection: Collection): PermalinkTable {
  return collection.index.posts.flatMap((post) => (post.permalink ? [[permalinkKey(post.permalink), post.slug] as [string, string]] : []))
}
