/**
 * Query option factories for the content pipeline's data: one post (loaded when opened, prefetched on
 * hover or focus), and the two small tables that find a post from another URL: its own `permalink`, or
 * a slug that differs in case. Keys go general -> specific, so `['posts']` invalidates all of them when
 * the dev server reports a changed post.
 */
import { queryOptions } from '@tanstack/react-query'
import type { PermalinkTable, PostData } from '../post-data.ts'
import { permalinksUrl, postUrl, slugsUrl } from '../data-paths.ts'
import { permalinkKey } from '../permalink-key.ts'
import { basePath, withBase } from '../base-path.ts'
import { postDataFromPage, redirectTargetOfPage } from './post-page-data.ts'
import { postPagesBuilt } from 'virtual:site-settings'

const BASE = basePath

export const postKeys = {
  all: ['posts'] as const,
  detail: (slug: string) => [...postKeys.all, 'detail', slug] as const,
  /** The slug of the post whose `permalink` is this path (by `permalinkKey`), or null. */
  permalink: (key: string) => [...postKeys.all, 'permalink', key] as const,
  /** The slug of the post this slug names in other letter case, or null. */
  looseSlug: (slug: string) => [...postKeys.all, 'loose-slug', slug.toLowerCase()] as const,
}

/** The post whose own `permalink` is this URL path (`/2019/02/my-post/`, with or without the slash). */
export function permalinkQuery(pathname: string) {
  const key = permalinkKey(safeDecode(pathname))
  return queryOptions({
    queryKey: postKeys.permalink(key),
    queryFn: async ({ signal }): Promise<string | null> => {
      const table = await fetchJson<PermalinkTable>(permalinksUrl(BASE), signal)
      return table.find(([each]) => each === key)?.[1] ?? null
    },
    staleTime: Infinity,
  })
}

/** The post a link's slug names when it is not exact: old links may differ in case. */
export function looseSlugQuery(slug: string) {
  const lower = slug.toLowerCase()
  return queryOptions({
    queryKey: postKeys.looseSlug(slug),
    queryFn: async ({ signal }): Promise<string | null> => {
      const slugs = await fetchJson<string[]>(slugsUrl(BASE), signal)
      return slugs.find((each) => each.toLowerCase() === lower) ?? null
    },
    staleTime: Infinity,
  })
}

/**
 * One post by its exact slug; null when there is no such post (the page then says so). A built site
 * reads it from the post's own page, which inlines it (post-page-data.ts); the dev server, which
 * prerenders no page, serves it as `data/posts/<slug>.json`.
 */
export function postQuery(slug: string, source: 'page' | 'data' = postPagesBuilt ? 'page' : 'data') {
  return queryOptions({
    queryKey: postKeys.detail(slug),
    queryFn: ({ signal }) => (source === 'data' ? fetchJsonOrNull<PostData>(postUrl(BASE, slug), signal) : fetchPostPage(slug, signal)),
    staleTime: Infinity,
  })
}

/**
 * What the app fetches to read a post: its prerendered page in a build (with the page a permalink moves it
 * to, which the reader is on then), its data file in the dev server. Offline reading stores these.
 */
export function postSourceUrl(slug: string): string {
  return postPagesBuilt ? withBase(`/blog/${encodeURIComponent(slug)}/`) : postUrl(BASE, slug)
}

async function fetchPostPage(slug: string, signal: AbortSignal): Promise<PostData | null> {
  const page = await fetchPageOrNull(withBase(`/blog/${encodeURIComponent(slug)}/`), signal)
  if (page === null) return null
  const post = postDataFromPage(page, slug)
  if (post) return post
  // A post with a permalink lives there, and its `/blog/<slug>/` is a redirect page to it: one hop more.
  const target = redirectTargetOfPage(page)
  const moved = target === null ? null : await fetchPageOrNull(target, signal)
  return moved === null ? null : postDataFromPage(moved, slug)
}

async function fetchPageOrNull(url: string, signal: AbortSignal): Promise<string | null> {
  const response = await fetch(url, { signal })
  if (response.status === 404) return null
  if (!response.ok) throw new Error(`Could not load ${url}: the server answered ${response.status}`)
  return response.text()
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
