/**
 * The route table, shared by the browser and the prerenderer. Pages read their data with
 * `useSuspenseQuery`; each route also says which data and code it needs (`load`, its page's
 * `preload`), so the browser fetches both at once when a navigation starts and has them before it
 * hydrates a prerendered page. Page components are loaded per route.
 */
import type { QueryClient } from '@tanstack/react-query'
import { matchRoutes, useLocation, useRoutes, type Params, type RouteObject } from 'react-router'
import { RootLayout } from './layout/root-layout.tsx'
import { RouteErrorBoundary } from './layout/route-error.tsx'
import { lazyPage, type LazyPage } from './lazy-page.tsx'
import { looseSlugQuery, permalinkQuery, postQuery } from '../shared/api/post-queries.ts'
import { paths } from '../shared/paths.ts'
import { listLocation, listPaths } from '../shared/list-filter.ts'

// The list's and the archive's queries load with their pages (the bundler puts them in those pages'
// chunks): a post page's first load carries none of their code.
type ListQueries = typeof import('../shared/api/list-queries.ts')
let listQueries: ListQueries | null = null
const loadListQueries = async (): Promise<ListQueries> => (listQueries ??= await import('../shared/api/list-queries.ts'))
const archiveQueries = () => import('../shared/api/archive-queries.ts')

interface RouteNeeds {
  page: LazyPage
  /** Fills the query cache with what the page reads (the page would fetch it too, one step later). */
  load: (params: Params, url: URL) => Promise<unknown>
  /** Whether the cache holds all of it already; without it, a page is never taken as ready. */
  loaded?: (params: Params, url: URL) => boolean
}

export interface AppRoutes {
  routes: RouteObject[]
  /** Loads the code and data of the page at this URL (errors are left for the page to show). */
  preload: (url: URL) => Promise<void>
  /** Whether the page at this URL has its code and data already, and so renders without waiting. */
  ready: (url: URL) => boolean
}

const PostListPage = lazyPage(async () => (await import('../features/posts/post-list-page.tsx')).PostListPage)
const TagsPage = lazyPage(async () => (await import('../features/tags/tags-page.tsx')).TagsPage)
// One chunk for both: a permalink is a post page too.
const PostPage = lazyPage(async () => (await import('./permalink-page.tsx')).PostPage)
const ArchivePage = lazyPage(async () => (await import('../features/archive/archive-page.tsx')).ArchivePage)
const ArchiveYearPage = lazyPage(async () => (await import('../features/archive/archive-page.tsx')).ArchiveYearPage)
const SeriesPage = lazyPage(async () => (await import('../features/series/series-page.tsx')).SeriesPage)
const PermalinkPage = lazyPage(async () => (await import('./permalink-page.tsx')).PermalinkPage)

export function createRoutes(queryClient: QueryClient, basename = '/'): AppRoutes {
  const basenameLength = basename.replace(/\/$/, '').length
  // A list view loads its head and its own page (or every post's tags, a search's first results and the
  // cards shown, for a reader's filter or search): a
  // shared search link opens with its results, not a "Searching…" flash.
  const loadList = async (params: Params, url: URL) => (await loadListQueries()).loadListView(queryClient, listLocation(url.searchParams, params))
  const listLoaded = (params: Params, url: URL) => listQueries !== null && listQueries.listViewReady(queryClient, listLocation(url.searchParams, params))
  const loadPost = async (params: Params) => {
    const slug = params.slug ?? ''
    if (await queryClient.ensureQueryData(postQuery(slug))) return
    // Not an exact slug: an old link may differ in case.
    const exact = await queryClient.ensureQueryData(looseSlugQuery(slug))
    if (exact) await queryClient.ensureQueryData(postQuery(exact))
  }
  const route = (path: { index: true } | { path: string }, needs: RouteNeeds): RouteObject => ({
    ...path,
    element: <needs.page />,
    handle: needs,
  })

  const routes: RouteObject[] = [
    {
      id: 'root',
      element: <RootLayout />,
      children: [
        route({ index: true }, { page: PostListPage, load: loadList, loaded: listLoaded }),
        route({ path: listPaths.page }, { page: PostListPage, load: loadList, loaded: listLoaded }),
        route({ path: paths.tags.path }, { page: TagsPage, load: async () => queryClient.ensureQueryData((await loadListQueries()).listHeadQuery()) }),
        route({ path: paths.tag.path }, { page: PostListPage, load: loadList, loaded: listLoaded }),
        route({ path: listPaths.tagPage }, { page: PostListPage, load: loadList, loaded: listLoaded }),
        route({ path: paths.archive.path }, { page: ArchivePage, load: async () => queryClient.ensureQueryData((await archiveQueries()).archiveIndexQuery()) }),
        route({ path: paths.archiveYear.path }, { page: ArchiveYearPage, load: async (params) => queryClient.ensureQueryData((await archiveQueries()).archiveYearQuery(params.year ?? '')) }),
        route({ path: paths.series.path }, { page: SeriesPage, load: async (params) => queryClient.ensureQueryData((await archiveQueries()).seriesQuery(params.series ?? '')) }),
        route({ path: paths.passage.path }, { page: PostPage, load: loadPost }),
        route({ path: paths.post.path }, { page: PostPage, load: loadPost }),
        // A post's own `permalink` (links shared from the old Jekyll site), else not found.
        route(
          { path: '*' },
          {
            page: PermalinkPage,
            load: async (_, url) => {
              const slug = await queryClient.ensureQueryData(permalinkQuery(url.pathname.slice(basenameLength)))
              if (slug) await queryClient.ensureQueryData(postQuery(slug))
            },
          },
        ),
      ],
    },
  ]

  // Matching flattens and ranks the route table each time: the matches of recent paths are kept.
  const matched = new Map<string, ReturnType<typeof matchRoutes>>()
  const match = (url: URL) => {
    let found = matched.get(url.pathname)
    if (found === undefined) {
      found = matchRoutes(routes, url, basename)
      if (matched.size >= 50) matched.delete(matched.keys().next().value!)
      matched.set(url.pathname, found)
    }
    return found ?? []
  }
  const preload = async (url: URL) => {
    const matches = match(url)
    await Promise.all(
      matches.map(({ route: { handle }, params }) => {
        const needs = handle as RouteNeeds | undefined
        return needs && Promise.all([needs.page.preload(), needs.load(params, url).catch(() => undefined)])
      }),
    )
  }
  const ready = (url: URL) => {
    const matches = match(url).filter(({ route }) => route.handle)
    return (
      matches.length > 0 &&
      matches.every(({ route: { handle }, params }) => {
        const needs = handle as RouteNeeds
        return needs.page.loaded() && needs.loaded?.(params, url) === true
      })
    )
  }
  return { routes, preload, ready }
}

/** The page for the current URL, inside the error page that replaces it when it fails. */
export function AppRoutes({ routes }: { routes: RouteObject[] }) {
  const location = useLocation()
  return <RouteErrorBoundary resetKey={location.key}>{useRoutes(routes)}</RouteErrorBoundary>
}
