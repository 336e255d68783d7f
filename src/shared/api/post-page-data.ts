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
