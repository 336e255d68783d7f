/**
 * All loaded posts -> what the app serves: the index (newest first, undated last) and one data file per
 * post, plus the problems of the whole folder (duplicate slugs need every file to be seen).
 */
import type { PostData, PostIndex, PostLink, PostSummary, TocEntry } from '../shared/post-data.ts'
import type { Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import type { LoadedPost } from './load-post.ts'
import type { Problem } from './problem.ts'
import { emitListFiles } from './list-data.ts'
import { permalinkKey } from '../shared/permalink-key.ts'

export interface Collection {
  index: PostIndex
  posts: Map<string, PostData>
  problems: Problem[]
}

export function buildCollection(loaded: LoadedPost[]): Collection {
  const problems: Problem[] = loaded.flatMap((post) => post.problems)
  const published = loaded
    .filter((post) => post.published)
    .sort((a, b) => a.file.localeCompare(b.file))

  // Static hosts may sit on case-insensitive file systems: `Post` and `post` would be one file.
  const owners = new Map<string, LoadedPost>()
  const served: LoadedPost[] = []
  for (const post of published) {
    const key = post.summary.slug.toLowerCase()
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
  return {
    index: { posts: summaries },
    posts: new Map(
      served.map((post, position) => [
        post.summary.slug,
        {
          summary: post.summary,
          body: post.body,
          toc: tableOfContents(post.body),
          newer: position > 0 ? linkTo(summaries[position - 1]!) : null,
          older: position < summaries.length - 1 ? linkTo(summaries[position + 1]!) : null,
          related: relatedPosts(post.summary, summaries),
        },
      ]),
    ),
    problems,
  }
}

const RELATED_COUNT = 3

function linkTo(post: PostSummary): PostLink {
  return { slug: post.slug, title: post.title, date: post.date, permalink: post.permalink }
}

/** The posts sharing the most tags with `post`; among equals, the list's order (newest first). */
export function relatedPosts(post: PostSummary, all: PostSummary[]): PostLink[] {
  const keys = new Set(post.tags.map((tag) => tag.key))
  if (keys.size === 0) return []
  return all
    .map((other, position) => ({ other, position, shared: other.tags.filter((tag) => keys.has(tag.key)).length }))
    .filter(({ other, shared }) => other.slug !== post.slug && shared > 0 && !other.error)
    .sort((a, b) => b.shared - a.shared || a.position - b.position)
    .slice(0, RELATED_COUNT)
    .map(({ other }) => linkTo(other))
}

function tableOfContents(body: Root): TocEntry[] {
  const entries: TocEntry[] = []
  visit(body, 'element', (node) => {
    const depth = /^h([2-4])$/.exec(node.tagName)?.[1]
    const classes = (node.properties.className as string[] | undefined) ?? []
    if (!depth || typeof node.properties.id !== 'string' || classes.includes('sr-only')) return
    entries.push({ id: node.properties.id, text: toString(node).trim(), depth: Number(depth) })
  })
  return entries
}

function newestFirst(a: LoadedPost, b: LoadedPost): number {
  if (a.timestamp !== null && b.timestamp !== null && a.timestamp !== b.timestamp) return b.timestamp - a.timestamp
  if (a.timestamp === null && b.timestamp !== null) return 1
  if (b.timestamp === null && a.timestamp !== null) return -1
  return a.summary.title.localeCompare(b.summary.title)
}

/**
 * The files the app fetches, by path under the data folder. Positions are dropped: the app has no use
 * for them. The list page reads `list/` and `search/` (src/content/list-data.ts), never `index.json`.
 */
export function emitDataFiles(collection: Collection): Map<string, string> {
  const files = new Map<string, string>()
  files.set('index.json', JSON.stringify(collection.index))
  for (const [path, text] of emitListFiles(collection)) files.set(path, text)
  for (const [slug, post] of collection.posts) files.set(postDataPath(slug), JSON.stringify(post, dropPositions))
  return files
}

export function postDataPath(slug: string): string {
  return `posts/${slug}.json`
}

function dropPositions(key: string, value: unknown) {
  return key === 'position' ? undefined : value
}
