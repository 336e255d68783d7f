/**
 * All loaded posts -> what the app serves: the index (newest first, undated last) and one data file per
 * post, plus the problems of the whole folder (duplicate slugs need every file to be seen).
 */
import type { PostData, PostIndex } from '../shared/post-data.ts'
import type { LoadedPost } from './load-post.ts'
import type { Problem } from './problem.ts'
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
  return {
    index: { posts: served.map((post) => post.summary) },
    posts: new Map(served.map((post) => [post.summary.slug, { summary: post.summary, body: post.body }])),
    problems,
  }
}

function newestFirst(a: LoadedPost, b: LoadedPost): number {
  if (a.timestamp !== null && b.timestamp !== null && a.timestamp !== b.timestamp) return b.timestamp - a.timestamp
  if (a.timestamp === null && b.timestamp !== null) return 1
  if (b.timestamp === null && a.timestamp !== null) return -1
  return a.summary.title.localeCompare(b.summary.title)
}

/** The files the app fetches, by path under the data folder. Positions are dropped: the app has no use for them. */
export function emitDataFiles(collection: Collection): Map<string, string> {
  const files = new Map<string, string>()
  files.set('index.json', JSON.stringify(collection.index))
  for (const [slug, post] of collection.posts) files.set(postDataPath(slug), JSON.stringify(post, dropPositions))
  return files
}

export function postDataPath(slug: string): string {
  return `posts/${slug}.json`
}

function dropPositions(key: string, value: unknown) {
  return key === 'position' ? undefined : value
}
