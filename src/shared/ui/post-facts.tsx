/** Date and reading time, as the list cards and the post header show them. */
import type { PostSummary } from '../post-data.ts'
import { formatDate, formatReadingTime } from '../format.ts'

export function PostFacts({ post }: { post: Pick<PostSummary, 'date' | 'readingMinutes'> }) {
  return (
    <p className="post-facts">
      {post.date && <time dateTime={post.date}>{formatDate(post.date)}</time>}
      {post.date && <span aria-hidden="true"> · </span>}
      <span>{formatReadingTime(post.readingMinutes)}</span>
    </p>
  )
}
