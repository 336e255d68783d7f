/**
 * Any other URL: a post whose own `permalink` it is, or the not-found page. Its chunk holds the post
 * page too (re-exported for the post routes), so a post page loads one chunk of its own, not two.
 */
import { useEffect } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useLocation } from 'react-router'
import { permalinkQuery } from '../shared/api/post-queries.ts'
import { NotFoundPage } from '../shared/ui/not-found-page.tsx'
import { PostView } from '../features/post/post-page.tsx'

export { PostPage } from '../features/post/post-page.tsx'

/** The path the browser loaded this document at (null while prerendering). */
const documentPath = typeof window === 'undefined' ? null : window.location.pathname

export function PermalinkPage() {
  const { pathname } = useLocation()
  const { data: slug } = useSuspenseQuery(permalinkQuery(pathname))
  // A path no post has, reached inside the app (a link in a post to `/about/`), may be a page of the
  // Jekyll site: a file the app has no route for. The server is asked once; where it has none, its
  // not-found page (this app again, loaded at this path) shows this page, and asks nothing more.
  const askServer = !slug && documentPath !== null && window.location.pathname !== documentPath
  useEffect(() => {
    if (askServer) window.location.reload()
  }, [askServer])
  return slug ? <PostView slug={slug} /> : <NotFoundPage />
}
