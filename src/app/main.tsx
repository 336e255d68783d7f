/**
 * Browser entry. A prerendered page (its data inlined by the build) is hydrated in place, so the
 * reader sees no change and nothing is fetched twice; any other page (dev server, the 404 fallback
 * at another path) is rendered fresh. Either way the page's code and data are loaded first, so the
 * first render is the whole page.
 */
import { createRoot, hydrateRoot } from 'react-dom/client'
import { hydrate, type DehydratedState } from '@tanstack/react-query'
import type { Location } from 'react-router'
import { createQueryClient } from './query-client.ts'
import { AppRoutes, createRoutes } from './routes.tsx'
import { AppProviders } from './app.tsx'
import { addressNow, BrowserRouter } from './browser-router.tsx'
import { routerBasename } from '../shared/base-path.ts'
import { postKeys } from '../shared/api/post-queries.ts'
import { withPostBodiesFrom } from '../shared/api/post-page-data.ts'
import { POSTS_CHANGED_EVENT, PRERENDER_DATA_ID } from '../shared/data-paths.ts'
import './styles.css'

const basename = routerBasename
const queryClient = createQueryClient()
const { routes, preload, ready } = createRoutes(queryClient, basename)
const container = document.getElementById('root')!
// By tag and place, not only by id: no post can write a script element beside the app's root.
const prerenderedData = document.querySelector(`body > script[type="application/json"]#${PRERENDER_DATA_ID}`)?.textContent
const prerendered = prerenderedData ? (JSON.parse(prerenderedData) as { path: string; state: DehydratedState }) : undefined

// A post page carries its body once, as its HTML: read back from the page before the app takes it over.
if (prerendered) hydrate(queryClient, withPostBodiesFrom(prerendered.state, document))

// Errors are the page's to show (its error page), once it renders.
const loadedFor = window.location.href
await preload(new URL(loadedFor)).catch(() => undefined)
// The reader may have gone Back meanwhile (reloading a post and going Back at once moves within the
// same document): that page's code and data are loaded too, and it is rendered fresh below.
if (window.location.href !== loadedFor) await preload(new URL(window.location.href)).catch(() => undefined)

// A query string (`?tags=...`, `?sort=count`) changes what the page shows: render it fresh.
const startAddress = addressNow()
const matchesPrerender = prerendered && samePath(prerendered.path, startAddress.pathname) && startAddress.search === ''

/** A navigation has started: fetch the next page's code and data together, not one after the other. */
const urlOf = (location: Location) => new URL(location.pathname + location.search, window.location.origin)
const onNavigate = (location: Location) => void preload(urlOf(location)).catch(() => undefined)
const isReady = (location: Location) => ready(urlOf(location))

const app = (
  <AppProviders queryClient={queryClient}>
    <BrowserRouter basename={basename} onNavigate={onNavigate} isReady={isReady} initialLocation={matchesPrerender ? startAddress : undefined}>
      <AppRoutes routes={routes} />
    </BrowserRouter>
  </AppProviders>
)

if (matchesPrerender) {
  // A prerendered page starts this script once its first contentful paint is on screen
  // (startAppAfterFirstPaint in src/content/prerender/prerender.ts), so hydrating never holds back text
  // that is already there.
  hydrateRoot(container, app)
} else {
  if (import.meta.hot) {
    // A post file was saved: refetch what is on screen.
    import.meta.hot.on(POSTS_CHANGED_EVENT, () => void queryClient.invalidateQueries({ queryKey: postKeys.all }))
  }
  createRoot(container).render(app)
}
// Offline reading's code loads after the app has started, never in a page's first load.
void import('../features/offline/offline-reading.ts').then((offline) => offline.registerOfflineReading())

/** `/blog/x/` and `/blog/x` are one page: hosts differ in whether they add the slash. */
function samePath(a: string, b: string): boolean {
  const normalize = (path: string) => {
    try {
      return decodeURI(path).replace(/\/+$/, '')
    } catch {
      // `%` not followed by two hex digits: compare the path as it is.
      return path.replace(/\/+$/, '')
    }
  }
  return normalize(a) === normalize(b)
}
