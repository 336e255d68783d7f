/** `/`: every post, newest first, narrowed by the tags in the URL (`?tags=leadership,growth`). */
import { useSuspenseQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { postIndexQuery } from '../../shared/api/post-queries.ts'
import {
  countTags,
  matchesFilter,
  parseListFilter,
  tagName,
  type ListFilter,
  type TagCount,
} from '../../shared/list-filter.ts'
import { paths } from '../../shared/paths.ts'
import { PageHeading } from '../../shared/ui/page-heading.tsx'
import { PageMeta } from '../../shared/ui/page-meta.tsx'
import settings from 'virtual:site-settings'
import { PostCard } from './post-card.tsx'
import { TagFilter } from './tag-filter.tsx'

export function PostListPage() {
  const { data: index } = useSuspenseQuery(postIndexQuery())
  const [searchParams] = useSearchParams()
  const navigate = useNavigate()
  // `/blog/tags/:tag` is the list filtered by one tag; changing the filter continues on `/?tags=...`.
  const { tag } = useParams()
  const filter = tag ? { ...parseListFilter(new URLSearchParams({ tags: tag })) } : parseListFilter(searchParams)
  const counts = countTags(index.posts)
  const posts = index.posts.filter((post) => matchesFilter(post, filter))
  const heading = listHeading(filter, counts)
  const setFilter = (next: ListFilter) => navigate(paths.home.href(next), { preventScrollReset: true })

  return (
    <section className="post-list-page">
      <PageMeta title={filter.tags.length > 0 ? heading : undefined} description={settings.description} />
      <PageHeading>{heading}</PageHeading>
      <TagFilter counts={counts} filter={filter} onChange={setFilter} />
      <p className="result-count" role="status">
        {posts.length === 1 ? '1 post' : `${posts.length} posts`}
      </p>
      {posts.length > 0 ? (
        <ol className="post-list">
          {posts.map((post) => (
            <li key={post.slug}>
              <PostCard post={post} />
            </li>
          ))}
        </ol>
      ) : (
        <div className="empty-state">
          <p>
            {index.posts.length === 0
              ? 'There are no posts yet. Add a markdown file to the posts folder.'
              : `No posts are tagged ${filter.tags.map((key) => `“${tagName(key, counts)}”`).join(filter.match === 'all' ? ' and ' : ' or ')}.`}
          </p>
          {filter.tags.length > 0 && <Link to={paths.home.href()}>Show all posts</Link>}
        </div>
      )}
    </section>
  )
}

function listHeading(filter: ListFilter, counts: TagCount[]): string {
  if (filter.tags.length === 0) return 'All posts'
  const names = filter.tags.map((key) => tagName(key, counts))
  return `Posts tagged ${names.join(filter.match === 'all' ? ' and ' : ' or ')}`
}
