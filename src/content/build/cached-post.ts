/**
 * One post's render through the build cache (build-cache.ts), as a build worker does it: the key a post
 * gets, and the files its `{% include_relative %}` tags read, which no key can name before the render
 * (a tag's file is relative to the post, and an include may hold one too). They are recorded during
 * the render and stored beside it, each with its real path and a hash of its bytes; a hit whose files
 * changed (or appeared, or went) is rendered again.
 */
import { createHash } from 'node:crypto'
import { readFileSync, realpathSync } from 'node:fs'
import { recordRelativeIncludes } from '../liquid/include-tags.ts'
import type { PostInSite } from '../post/load-post.ts'
import type { ReadProblem } from '../site/post-bytes.ts'
import type { StoredPost } from '../post/stored-post.ts'
import { hashOf, usesLiquid, type BuildCache } from './build-cache.ts'

export interface PostCacheKeys {
  /** pipelineKey(): for a post with Liquid. */
  pipeline: string
  /** plainPipelineKey(): for a post without. */
  plain: string
}

export interface PostInput {
  /** The path the build asked for, and the post's path as messages show it. */
  path: string
  file: string
  source: string
  problem: ReadProblem | null | undefined
  /** With a site folder, the post's permalink and path there (build-pool.ts's `postsInSite`). */
  site: PostInSite | undefined
}

/** The key of one post's render: its own inputs, and the pipeline key its source calls for. */
export function postCacheKey(keys: PostCacheKeys, post: PostInput): string {
  const pipeline = usesLiquid(post.source) ? keys.pipeline : keys.plain
  // The read problem comes from the bytes (an unreadable encoding, a link left out), so it is keyed too.
  return hashOf(pipeline, post.path, post.file, post.source, JSON.stringify(post.problem ?? null), JSON.stringify(post.site ?? null))
}

interface Entry {
  /** [path, real path and hash of the bytes, or null when missing] of each include_relative file. */
  relative: Array<[string, string | null]>
  post: StoredPost
}

export function cachedPost(cache: BuildCache, key: string, render: () => StoredPost): StoredPost {
  const hit = cache.get('posts', key)
  if (hit) {
    const entry = JSON.parse(hit.toString('utf8')) as Entry
    if (entry.relative.every(([path, signature]) => fileSignature(path) === signature)) return entry.post
  }
  const { value: post, files } = recordRelativeIncludes(render)
  const entry: Entry = { relative: files.map((path) => [path, fileSignature(path)]), post }
  cache.set('posts', key, JSON.stringify(entry))
  return post
}

function fileSignature(path: string): string | null {
  try {
    return `${realpathSync(path)}\0${createHash('sha256').update(readFileSync(path)).digest('hex')}`
  } catch {
    return null
  }
}
