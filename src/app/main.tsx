/** Browser entry: the router with its data loaders, the query cache, and dev-server updates. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import { createBrowserRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { createQueryClient } from './query-client.ts'
import { createRoutes } from './routes.tsx'
import { postKeys } from '../shared/api/post-queries.ts'
import { POSTS_CHANGED_EVENT } from '../shared/data-paths.ts'
import './styles.css'

const queryClient = createQueryClient()
const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/'
const router = createBrowserRouter(createRoutes(queryClient, basename), { basename })

if (import.meta.hot) {
  // A post file was saved: refetch what is on screen and re-run the loaders.
  import.meta.hot.on(POSTS_CHANGED_EVENT, async () => {
    await queryClient.invalidateQueries({ queryKey: postKeys.all })
    await router.revalidate()
  })
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
)
