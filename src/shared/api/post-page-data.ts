/**
 * A post's data as its prerendered page carries it. A built site has no separate data file per post:
 * every post page inlines its data for the app to take over (src/content/prerender/prerender.ts), so
 * moving to another post reads it from that page. Only the dev server, which prerenders nothing,
 * serves `data/posts/<slug>.json`.
 *
 * The body travels once: as the page's HTML, which a reader without JavaScript reads too. The inlined
 * data holds everything else, and the app reads the body's tree back from the page's article
 * (src/markdown/body-from-dom.ts): on hydration from the document, on moving to a post from its fetched
 * page (the same origin's build output), parsed apart from the document and only its article read.
 */
import type { DehydratedState } from '@tanstack/react-query'
import type { PostData } from '../post-data.ts'
import { PRERENDER_DATA_ID } from '../data-paths.ts'
import { bodyFromDom } from '../../markdown/body-from-dom.ts'

/** The post's body on its page: the app's article (no post can write `class="post"`: its classes get `author-`). */
export const POST_BODY_SELECTOR = '#root article.post > div.post-body'

type Query = DehydratedState['queries'][number]
const isPostQuery = ({ queryKey }: Query) => queryKey[0] === 'posts' && queryKey[1] === 'detail'
const hasBody = (data: unknown) => typeof data === 'object' && data !== null && 'body' in data

/** The build's side: a post page's state without its post's body, which the page's article holds. */
export function withoutPostBodies(state: DehydratedState): DehydratedState {
  return {
    ...state,
    queries: state.queries.map((query) => {
      if (!isPostQuery(query) || !hasBody(query.state.data)) return query
      const { body: _body, ...rest } = query.state.data as PostData
      return { ...query, state: { ...query.state, data: rest } }
    }),
  }
}

/**
 * The app's side: a post page's state with its post's body read back from the page (`page`: the
 * document, or a fetched page parsed apart). A post whose body the page lacks is left out: the app
 * then loads it as any other.
 */
export function withPostBodiesFrom(state: DehydratedState, page: ParentNode): DehydratedState {
  if (!state.queries.some((query) => isPostQuery(query) && query.state.data && !hasBody(query.state.data))) return state
  const container = page.querySelector(POST_BODY_SELECTOR)
  const body = container ? bodyFromDom(container) : null
  return {
    ...state,
    queries: state.queries.flatMap((query) => {
      if (!isPostQuery(query) || !query.state.data || hasBody(query.state.data)) return [query]
      return body ? [{ ...query, state: { ...query.state, data: { ...(query.state.data as object), body } } }] : []
    }),
  }
}

const DATA_SCRIPT = new RegExp(`<script type="application/json" id="${PRERENDER_DATA_ID}">([^<]*)</script>`)

/**
 * The post `slug` from a page's HTML; null when the page carries no such post (a host's fallback page
 * for a missing path, another post's permalink page). The build escapes every `<` in that JSON, so the
 * script's text ends at its own `</script>`.
 */
export function postDataFromPage(html: string, slug: string, parse: (html: string) => ParentNode = parseHtml): PostData | null {
  const json = DATA_SCRIPT.exec(html)?.[1]
  if (json === undefined) return null
  const { state } = JSON.parse(json) as { state: DehydratedState }
  const query = state.queries.find((each) => isPostQuery(each) && each.queryKey[2] === slug)
  if (!query?.state.data) return null
  if (hasBody(query.state.data)) return query.state.data as PostData
  const [withBody] = withPostBodiesFrom({ ...state, queries: [query] }, parse(html)).queries
  return (withBody?.state.data as PostData | undefined) ?? null
}

/** A page apart from the document: nothing in it runs or loads (DOMParser documents run no scripts, load nothing). */
function parseHtml(html: string): ParentNode {
  return new DOMParser().parseFromString(html, 'text/html')
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
