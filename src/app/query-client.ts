import { QueryClient } from '@tanstack/react-query'

/** Post data only changes with a new build (or a dev-server event), so it never goes stale by itself. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, gcTime: 30 * 60_000, retry: 1, refetchOnWindowFocus: false },
    },
  })
}
