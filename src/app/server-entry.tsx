/**
 * Prerender entry, bundled by the build for Node: renders one URL with the same routes and components
 * as the browser, from data the build already has (no fetch), and returns what the page needs to be
 * taken over by the browser without fetching that data again.
 */
import { prerenderToNodeStream } from 'react-dom/static'
import { text } from 'node:stream/consumers'
import { dehydrate, type DehydratedState } from '@tanstack/react-query'
import { StaticRouter } from 'react-router'
import { createQueryClient } from './query-client.ts'
import { AppRoutes, createRoutes } from './routes.tsx'
import { AppProviders } from './app.tsx'
import { PageFactsContext } from '../shared/ui/page-meta.tsx'
import type { PageFacts } from '../shared/page-facts.ts'

export interface RenderedPage {
  /** The app's markup. */
  html: string
  facts: PageFacts | null
  /** The query cache to hand to the browser. */
  state: DehydratedState
}

export async function renderPage(
  url: string,
  basename: string,
  data: Array<[readonly unknown[], unknown]>,
): Promise<RenderedPage> {
  const queryClient = createQueryClient()
  for (const [key, value] of data) queryClient.setQueryData(key, value)
  const { routes, preload } = createRoutes(queryClient, basename)
  // As the browser does before hydrating: the page's code, and its data (already all in the cache).
  await preload(new URL(url, 'http://prerender.invalid'))
  let facts: PageFacts | null = null
  // Unlike renderToString, this waits for lazy parts (the carousel), so the page holds them. A Node
  // stream, not the web stream `prerender` gives: reading that one back through `Response` (its pull
  // machinery and undici's body reader) showed as 0.2-0.3 s a process in a 1,000-post build's profiles.
  const { prelude } = await prerenderToNodeStream(
    <PageFactsContext.Provider value={(reported) => (facts = reported)}>
      <AppProviders queryClient={queryClient}>
        <StaticRouter location={url} basename={basename}>
          <AppRoutes routes={routes} />
        </StaticRouter>
      </AppProviders>
    </PageFactsContext.Provider>,
  )
  const html = await text(prelude)
  const state = dehydrate(queryClient)
  // Garbage-collection timers of cached queries would keep the build's Node process alive.
  queryClient.clear()
  return { html, facts, state }
}
