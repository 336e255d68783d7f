/**
 * Any other URL: a post whose own `permalink` it is, or the not-found page. Its chunk holds the post
 * page too (re-exported for the post routes), so a post page loads one chunk of its own, not two.
 */
import { useSuspenseQuery } from '@tanstack/react-query'
import { useLocation } from 'react-router'
import { permalinkQuery } from '../shared/api/post-queries.ts'
import { NotFoundPage } from '../shared/ui/not-found-page.tsx'
import { PostView } from '../features/post/post-page.tsx'

export { PostPage } from '../features/post/post-page.tsx'

export function PermalinkPage() {
  const { pathname } = useLocation()
  const { data: slug } = useSuspenseQuery(permalinkQuery(pathname))
  return slug ? <PostView slug={slug} /> : <NotFoundPage />
}
