/**
 * One post in the list, styled by its front matter (`style: fill|border`, `color`). The title links to
 * the post (prefetching its data on hover or focus), or out to `external_url` for external posts. In a
 * view computed in the browser the excerpt may arrive just after the card: a blank line holds its place.
 */
import { memo } from 'react'
import { Link } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import type { ListPost } from '../../shared/list-data.ts'
import { postQuery } from '../../shared/api/post-queries.ts'
import { paths } from '../../shared/paths.ts'
import { PostFacts } from '../../shared/ui/post-facts.tsx'
import { TagList } from '../../shared/ui/tag-chip.tsx'
import { MarkedText } from './marked-text.tsx'

export const PostCard = memo(function PostCard({ post, terms = NO_TERMS }: { post: ListPost; terms?: string[] }) {
  const queryClient = useQueryClient()
  const prefetch = () => {
    if (!post.externalUrl && !post.error) void queryClient.prefetchQuery(postQuery(post.slug))
  }
  return (
    <article className="post-card" data-style={post.style ?? 'fill'} data-color={post.color ?? 'default'}>
      <h2 className="post-card-title">
        {post.externalUrl ? (
          <a href={post.externalUrl} target="_blank" rel="noopener noreferrer">
            <MarkedText text={post.title} terms={terms} />
            <span className="external-mark"> ↗<span className="visually-hidden"> (external site, opens in a new tab)</span></span>
          </a>
        ) : (
          <Link to={paths.post.href(post)} onMouseEnter={prefetch} onFocus={prefetch}>
            <MarkedText text={post.title} terms={terms} />
          </Link>
        )}
      </h2>
      <PostFacts post={post} />
      {post.error ? (
        <p className="post-card-error">This post has a problem: {post.error}</p>
      ) : post.excerpt === null ? (
        <p className="post-card-excerpt" data-loading="" />
      ) : (
        <p className="post-card-excerpt">
          <MarkedText text={post.excerpt} terms={terms} />
        </p>
      )}
      <TagList tags={post.tags} label={`Tags of ${post.title}`} />
    </article>
  )
})

const NO_TERMS: string[] = []
