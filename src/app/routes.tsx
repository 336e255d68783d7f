/**
 * The route table, shared by the browser router and (later) the prerenderer. Loaders fill the query
 * cache before a page renders, so a page never flashes a spinner; page components are loaded per route.
 */
import type { QueryClient } from '@tanstack/react-query'
import type { LoaderFunctionArgs, RouteObject, ShouldRevalidateFunction } from 'react-router'
import { RootLayout } from './layout/root-layout.tsx'
import { RouteError } from './layout/route-error.tsx'
import { findPost, findPostByPermalink, postIndexQuery, postQuery } from '../shared/api/post-queries.ts'
import { paths } from '../shared/paths.ts'
import { listHeadQuery, listViewReady, loadListView } from '../shared/api/list-queries.ts'
import { listLocation, listPaths } from '../shared/list-filter.ts'

export function createRoutes(queryClient: QueryClient, basename = '/'): RouteObject[] {
  const basenameLength = basename.replace(/\/$/, '').length
  const loadIndex = () => queryClient.ensureQueryData(postIndexQuery())
  // Loaders fill the cache and return nothing: the data reaches pages through their queries.
  // A list view loads its head and its own page (or the catalog, for a reader's filter or search): a
  // shared search link opens with its results, not a "Searching…" flash.
  const loadList = async ({ request, params }: LoaderFunctionArgs) => {
    await loadListView(queryClient, listLocation(new URL(request.url).searchParams, params))
    return null
  }
  const loadListPage = async () => ({ Component: (await import('../features/posts/post-list-page.tsx')).PostListPage })
  // Another filter or page of the list whose data is loaded already: nothing to run, one quick render.
  const shouldRevalidateList: ShouldRevalidateFunction = ({ nextUrl, nextParams, defaultShouldRevalidate }) =>
    defaultShouldRevalidate && !listViewReady(queryClient, listLocation(nextUrl.searchParams, nextParams))
  const loadPost = async ({ params }: LoaderFunctionArgs) => {
    const slug = params.slug ?? ''
    if (await queryClient.ensureQueryData(postQuery(slug))) return null
    // Not an exact slug: an old link may differ in case.
    const summary = findPost(await loadIndex(), slug)
    if (summary) await queryClient.ensureQueryData(postQuery(summary.slug))
    return null
  }
  return [
    {
      id: 'root',
      Component: RootLayout,
      ErrorBoundary: RouteError,
      children: [
        { index: true, loader: loadList, shouldRevalidate: shouldRevalidateList, lazy: loadListPage },
        { path: listPaths.page, loader: loadList, shouldRevalidate: shouldRevalidateList, lazy: loadListPage },
        {
          path: paths.tags.path,
          loader: async () => {
            await queryClient.ensureQueryData(listHeadQuery())
            return null
          },
          lazy: async () => ({ Component: (await import('../features/tags/tags-page.tsx')).TagsPage }),
        },
        { path: paths.tag.path, loader: loadList, shouldRevalidate: shouldRevalidateList, lazy: loadListPage },
        { path: listPaths.tagPage, loader: loadList, shouldRevalidate: shouldRevalidateList, lazy: loadListPage },
        {
          path: paths.passage.path,
          loader: loadPost,
          lazy: async () => ({ Component: (await import('../features/post/post-page.tsx')).PostPage }),
        },
        {
          path: paths.post.path,
          loader: loadPost,
          lazy: async () => ({ Component: (await import('../features/post/post-page.tsx')).PostPage }),
        },
        {
          // A post's own `permalink` (links shared from the old Jekyll site), else not found.
          path: '*',
          loader: async ({ request }) => {
            const summary = findPostByPermalink(await loadIndex(), new URL(request.url).pathname.slice(basenameLength))
            if (summary) await queryClient.ensureQueryData(postQuery(summary.slug))
            return null
          },
          lazy: async () => ({ Component: (await import('./permalink-page.tsx')).PermalinkPage }),
        },
      ],
    },
  ]
}
