/**
 * `/` (and `/blog/tags/:tag/`): every post, newest first, narrowed by the tags and search text in the
 * URL (`?tags=leadership,growth&match=all&q=peers`), so any view of the list can be shared.
 */
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { postIndexQuery } from '../../shared/api/post-queries.ts'
import { searchIndexQuery, searchPosts } from '../../shared/api/search-query.ts'
import { countIfToggled, countTags, matchesFilter, NO_FILTER, parseListFilter, tagName, type ListFilter, type TagCount } from '../../shared/list-filter.ts'
import type { PostSummary } from '../../shared/post-data.ts'
import { paths } from '../../shared/paths.ts'
import { PageHeading } from '../../shared/ui/page-heading.tsx'
import { PageMeta } from '../../shared/ui/page-meta.tsx'
import settings from 'virtual:site-settings'
import { PostCard } from './post-card.tsx'
import { TagFilter } from './tag-filter.tsx'
import { SearchBox } from './search-box.tsx'

export function PostListPage() {
  const { data: index } = useSuspenseQuery(postIndexQuery())
  const [searchParams] = useSearchParams()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  // `/blog/tags/:tag/` is the list filtered by one tag; changing the filter continues on `/?tags=...`.
  const { tag } = useParams()
  const filter = tag ? parseListFilter(new URLSearchParams({ tags: tag })) : parseListFilter(searchParams)
  const search = useQuery({ ...searchIndexQuery(), enabled: filter.q !== '' })
  const hits = filter.q && search.data ? searchPosts(search.data, filter.q) : null

  // Search narrows and ranks; tags narrow further.
  const candidates: PostSummary[] = hits
    ? index.posts.filter((post) => hits.has(post.slug)).sort((a, b) => hits.get(b.slug)!.score - hits.get(a.slug)!.score)
    : filter.q
      ? []
      : index.posts
  const posts = candidates.filter((post) => matchesFilter(post, filter))
  const counts = countTags(index.posts)
  const tagsWithCounts = counts.map((entry) => ({ ...entry, ifToggled: countIfToggled(candidates, filter, entry.tag.key) }))
  const heading = listHeading(filter, counts)
  const active = filter.tags.length > 0 || filter.q !== ''
  const setFilter = (next: ListFilter, replace = false) =>
    navigate(paths.home.href(next), { preventScrollReset: true, replace })
  const searching = filter.q !== '' && !search.data

  return (
    <section className="post-list-page">
      <PageMeta title={active ? heading : undefined} description={settings.description} />
      <PageHeading>{heading}</PageHeading>
      <div className="list-controls">
        <SearchBox
          value={filter.q}
          onChange={(q) => setFilter({ ...filter, q: q.trim() }, true)}
          onFirstUse={() => void queryClient.prefetchQuery(searchIndexQuery())}
        />
        <TagFilter tags={tagsWithCounts} filter={filter} onChange={(next) => setFilter(next)} />
        {active && (
          <button type="button" className="clear-filter" onClick={() => setFilter(NO_FILTER)}>
            Clear filter and search
          </button>
        )}
      </div>
      <p className="result-count" role="status">
        {search.isError ? 'Search is not available right now.' : searching ? 'Searching…' : posts.length === 1 ? '1 post' : `${posts.length} posts`}
      </p>
      {posts.length > 0 ? (
        <ol className="post-list">
          {posts.map((post) => (
            <li key={post.slug}>
              <PostCard post={post} terms={hits?.get(post.slug)?.terms ?? []} />
            </li>
          ))}
        </ol>
      ) : (
        !searching && (
          <div className="empty-state">
            <p>{emptyMessage(index.posts.length, filter, counts)}</p>
            {active && <Link to={paths.home.href()}>Show all posts</Link>}
          </div>
        )
      )}
    </section>
  )
}

function emptyMessage(total: number, filter: ListFilter, counts: TagCount[]): string {
  if (total === 0) return 'There are no posts yet. Add a markdown file to the posts folder.'
  const tags = filter.tags.map((key) => `“${tagName(key, counts)}”`).join(filter.match === 'all' ? ' and ' : ' or ')
  if (filter.q && tags) return `No posts tagged ${tags} match “${filter.q}”.`
  if (filter.q) return `No posts match “${filter.q}”.`
  return `No posts are tagged ${tags}.`
}

function listHeading(filter: ListFilter, counts: TagCount[]): string {
  const names = filter.tags.map((key) => tagName(key, counts))
  const tagged = names.length > 0 ? `Posts tagged ${names.join(filter.match === 'all' ? ' and ' : ' or ')}` : ''
  if (filter.q) return tagged ? `${tagged} matching “${filter.q}”` : `Posts matching “${filter.q}”`
  return tagged || 'All posts'
}
