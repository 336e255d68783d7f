/** Date and reading time, as the list cards and the post header show them. */
import type { PostSummary } from '../post-data.ts'
import { formatDate, formatReadingTime } from '../format.ts'

/** `lang`, `dir`: the site's, inside a post in another language. */
export function PostFacts({ post, lang, dir }: { post: Pick<PostSummary, 'date' | 'readingMinutes'>; lang?: string; dir?: 'ltr' | 'rtl' }) {
  return (
    <p className="post-facts" lang={lang} dir={dir}>
      {post.date && <time dateTime={post.date}>{formatDate(post.date)}</time>}
      {post.date && <span aria-hidden="true"> · </span>}
      <span>{formatReadingTime(post.readingMinutes)}</span>
    </p>
  )
}
