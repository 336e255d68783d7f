/** `/blog/tags/`: every tag with its number of posts, by name or by count, each a link to its posts. */
import { useSuspenseQuery } from '@tanstack/react-query'
import { Link, useSearchParams } from 'react-router'
import { listHeadQuery } from '../../shared/api/list-queries.ts'
import { PageHeading } from '../../shared/ui/page-heading.tsx'
import { PageMeta } from '../../shared/ui/page-meta.tsx'
import { TagChip } from '../../shared/ui/tag-chip.tsx'
import { count, fill, t } from '../../shared/i18n/i18n.ts'
import { withNodes } from '../../shared/i18n/with-nodes.tsx'
import tagsText from 'virtual:site-locale/tags'

export function TagsPage() {
  // The list's head has every tag with its count (by name): a few KB, whatever the number of posts.
  const { data: head } = useSuspenseQuery(listHeadQuery())
  const [searchParams] = useSearchParams()
  const byCount = searchParams.get('sort') === 'count'
  const counts = [...head.tags]
  if (byCount) counts.sort((a, b) => b.count - a.count || a.tag.name.localeCompare(b.tag.name))
  return (
    <section className="tags-page">
      <PageMeta title={tagsText.title} description={fill(tagsText.description, { count: count(t.counts.tags, counts.length) })} />
      <PageHeading>{tagsText.title}</PageHeading>
      <nav className="tag-sort" aria-label={tagsText.sortTags}>
        {withNodes(tagsText.sortBy, {
          name: (
            <Link to="?sort=name" aria-current={byCount ? undefined : 'true'} preventScrollReset>
              {tagsText.byName}
            </Link>
          ),
          count: (
            <Link to="?sort=count" aria-current={byCount ? 'true' : undefined} preventScrollReset>
              {tagsText.byCount}
            </Link>
          ),
        })}
      </nav>
      {counts.length === 0 ? (
        <p>{tagsText.noTags}</p>
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
