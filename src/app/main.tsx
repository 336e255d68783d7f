/**
 * Browser entry. A prerendered page (its data inlined by the build) is hydrated in place, so the
 * reader sees no change and nothing is fetched twice; any other page (dev server, the 404 fallback
 * at another path) is rendered fresh.
 */
import { createRoot, hydrateRoot } from 'react-dom/client'
import { hydrate, type DehydratedState } from '@tanstack/react-query'
import { createBrowserRouter, matchRoutes, type HydrationState, type RouteObject } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { createQueryClient } from './query-client.ts'
import { createRoutes } from './routes.tsx'
import { AppProviders } from './app.tsx'
import { routerBasename } from '../shared/base-path.ts'
import { postKeys } from '../shared/api/post-queries.ts'
import { POSTS_CHANGED_EVENT } from '../shared/data-paths.ts'
import './styles.css'

declare global {
  interface Window {
    __PRERENDER__?: { path: string; state: DehydratedState }
    __staticRouterHydrationData?: HydrationState
  }
}

const basename = routerBasename
const queryClient = createQueryClient()
const routes = createRoutes(queryClient, basename)
const container = document.getElementById('root')!
const prerendered = window.__PRERENDER__

if (prerendered) hydrate(queryClient, prerendered.state)

// A query string (`?tags=...`, `?sort=count`) changes what the page shows: render it fresh.
const matchesPrerender = prerendered && samePath(prerendered.path, window.location.pathname) && window.location.search === ''

if (matchesPrerender && window.__staticRouterHydrationData) {
  await loadLazyRoutes(routes)
  const router = createBrowserRouter(routes, { basename, hydrationData: window.__staticRouterHydrationData })
  hydrateRoot(
    container,
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  )
} else {
  const router = createBrowserRouter(routes, { basename })
  if (import.meta.hot) {
    // A post file was saved: refetch what is on screen and re-run the loaders.
    import.meta.hot.on(POSTS_CHANGED_EVENT, async () => {
      await queryClient.invalidateQueries({ queryKey: postKeys.all })
      await router.revalidate()
    })
  }
  createRoot(container).render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  )
}

/** The page's route modules must be there before hydrating, or the first render would differ. */
async function loadLazyRoutes(routeObjects: RouteObject[]) {
  const matches = matchRoutes(routeObjects, window.location, basename) ?? []
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return
      const loaded = await route.lazy()
      Object.assign(route, { ...loaded, lazy: undefined })
    }),
  )
}

/** `/blog/x/` and `/blog/x` are one page: hosts differ in whether they add the slash. */
function samePath(a: string, b: string): boolean {
  const normalize = (path: string) => decodeURI(path).replace(/\/+$/, '')
  return normalize(a) === normalize(b)
}
