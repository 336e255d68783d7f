/**
 * A post's data as its prerendered page carries it. A built site has no separate data file per post:
 * every post page already inlines its data for the app to take over (src/content/prerender/prerender.ts),
 * so moving to another post reads it from that page. Only the dev server, which prerenders nothing,
 * serves `data/posts/<slug>.json`.
 */
import type { DehydratedState } from '@tanstack/react-query'
import type { PostData } from '../post-data.ts'
import { PRERENDER_DATA_ID } from '../data-paths.ts'

const DATA_SCRIPT = new RegExp(`<script type="application/json" id="${PRERENDER_DATA_ID}">([^<]*)</script>`)

/**
 * The post `slug` from a page's HTML; null when the page carries no such post (a host's fallback page
 * for a missing path, another post's permalink page). The build escapes every `<` in that JSON, so the
 * script's text ends at its own `</script>`.
 */
export function postDataFromPage(html: string, slug: string): PostData | null {
  const json = DATA_SCRIPT.exec(html)?.[1]
  if (json === undefined) return null
  const { state } = JSON.parse(json) as { state: DehydratedState }
  const query = state.queries.find(({ queryKey }) => queryKey[0] === 'posts' && queryKey[1] === 'detail' && queryKey[2] === slug)
  return (query?.state.data as PostData | undefined) ?? null
}

const REDIRECT_SCRIPT = /<script>location\.replace\(("(?:[^"\\]|\\.)*")/

/**
 * Where a redirect page the build writes sends its reader (`/2019/02/15/learn-react.html` for
 * `/blog/learn-react/` of a post with a permalink; src/content/prerender/redirect-page.ts), when it is a
 * path of this site; null for any other page or an address elsewhere.
 */
export function redirectTargetOfPage(html: string): string | null {
  const json = REDIRECT_SCRIPT.exec(html)?.[1]
  if (json === undefined) return null
  const target = JSON.parse(json) as unknown
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : null
}
