/**
 * Query option factories for the content pipeline's data: the index (loaded once) and one post
 * (loaded when opened, prefetched on hover or focus). Keys go general -> specific, so `['posts']`
 * invalidates both when the dev server reports a changed post.
 */
import { queryOptions } from '@tanstack/react-query'
import type { PostData, PostIndex, PostSummary } from '../post-data.ts'
import { indexUrl, postUrl } from '../data-paths.ts'
import { permalinkKey } from '../permalink-key.ts'
import { basePath } from '../base-path.ts'

const BASE = basePath

export const postKeys = {
  all: ['posts'] as const,
  index: () => [...postKeys.all, 'index'] as const,
  detail: (slug: string) => [...postKeys.all, 'detail', slug] as const,
}

export function postIndexQuery() {
  return queryOptions({
    queryKey: postKeys.index(),
    queryFn: ({ signal }) => fetchJson<PostIndex>(indexUrl(BASE), signal),
    staleTime: Infinity,
  })
}

/** One post by its exact slug; null when there is no such post (the page then says so). */
export function postQuery(slug: string) {
  return queryOptions({
    queryKey: postKeys.detail(slug),
    queryFn: ({ signal }) => fetchJsonOrNull<PostData>(postUrl(BASE, slug), signal),
    staleTime: Infinity,
  })
}

/** The post a URL slug names: exact first, then ignoring case (old links may differ in case). */
export function findPost(index: PostIndex, slug: string): PostSummary | undefined {
  return (
    index.posts.find((post) => post.slug === slug) ??
    index.posts.find((post) => post.slug.toLowerCase() === slug.toLowerCase())
  )
}

/** The post whose own `permalink` is this URL path (`/2019/02/my-post/` or without the slash). */
export function findPostByPermalink(index: PostIndex, pathname: string): PostSummary | undefined {
  const key = permalinkKey(safeDecode(pathname))
  return index.posts.find((post) => post.permalink !== null && permalinkKey(post.permalink) === key)
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path)
  } catch {
    return path
  }
}

async function fetchJsonOrNull<T>(url: string, signal: AbortSignal): Promise<T | null> {
  const response = await fetch(url, { signal })
  // Some static hosts answer a missing file with their HTML fallback page and a 200.
  const isJson = response.headers.get('content-type')?.includes('json') ?? false
  if (response.status === 404 || (response.ok && !isJson)) return null
  return readJson<T>(url, response)
}

async function fetchJson<T>(url: string, signal: AbortSignal): Promise<T> {
  return readJson<T>(url, await fetch(url, { signal }))
}

async function readJson<T>(url: string, response: Response): Promise<T> {
  if (!response.ok) throw new Error(`Could not load ${url}: the server answered ${response.status}`)
  return (await response.json()) as T
}
