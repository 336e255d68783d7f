/** After the post: the newer and older post, and up to three related posts by shared tags. */
import { Link } from 'react-router'
import type { PostData, PostLink } from '../../shared/post-data.ts'
import { paths } from '../../shared/paths.ts'
import { formatDate } from '../../shared/format.ts'
import type { ReactNode } from 'react'
import postText from 'virtual:site-locale/post'

function PostLinkItem({ post, label }: { post: PostLink; label?: ReactNode }) {
  return (
    <Link to={paths.post.href(post)} className="post-link">
      {label && <span className="post-link-label">{label}</span>}
      <span className="post-link-title">{post.title}</span>
      {post.date && <time dateTime={post.date}>{formatDate(post.date)}</time>}
    </Link>
  )
}

export function PostNeighbors({ post }: { post: PostData }) {
  if (!post.newer && !post.older) return null
  return (
    <nav className="post-neighbors" aria-label={postText.morePosts}>
      {post.older ? <PostLinkItem post={post.older} label={<><span className="flip-in-rtl" aria-hidden="true">←</span> {postText.previousPost}</>} /> : <span />}
      {post.newer && <PostLinkItem post={post.newer} label={<>{postText.nextPost} <span className="flip-in-rtl" aria-hidden="true">→</span></>} />}
    </nav>
  )
}

export function RelatedPosts({ post }: { post: PostData }) {
  if (post.related.length === 0) return null
  return (
    <section className="related-posts" aria-labelledby="related-heading">
      <h2 id="related-heading">{postText.relatedPosts}</h2>
      <ul>
        {post.related.map((related) => (
          <li key={related.slug}>
            <PostLinkItem post={related} />
          </li>
        ))}
      </ul>
    </section>
  )
}
