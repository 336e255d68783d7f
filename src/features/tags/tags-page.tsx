/** `/blog/tags`: every tag with its number of posts, each linking to the filtered list. */
import { useSuspenseQuery } from '@tanstack/react-query'
import { postIndexQuery } from '../../shared/api/post-queries.ts'
import { countTags } from '../../shared/list-filter.ts'
import { PageHeading } from '../../shared/ui/page-heading.tsx'
import { PageMeta } from '../../shared/ui/page-meta.tsx'
import { TagChip } from '../../shared/ui/tag-chip.tsx'

export function TagsPage() {
  const { data: index } = useSuspenseQuery(postIndexQuery())
  const counts = countTags(index.posts)
  return (
    <section className="tags-page">
      <PageMeta title="Tags" description={`All ${counts.length} tags of the blog, with their number of posts.`} />
      <PageHeading>Tags</PageHeading>
      {counts.length === 0 ? (
        <p>No post has a tag yet.</p>
      ) : (
        <ul className="tag-cloud">
          {counts.map(({ tag, count }) => (
            <li key={tag.key}>
              <TagChip tag={tag} count={count} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
