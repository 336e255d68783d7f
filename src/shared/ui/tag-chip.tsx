/** A tag as a link to the list filtered by it. */
import { Link } from 'react-router'
import type { Tag } from '../post-data.ts'
import { paths } from '../paths.ts'
import { t } from '../i18n/i18n.ts'

export function TagChip({ tag, count }: { tag: Tag; count?: number }) {
  return (
    <Link className="tag-chip" to={paths.tag.href(tag.key)}>
      <span className="tag-chip-name">{tag.name}</span>
      {count !== undefined && <span className="tag-chip-count"> ({count})</span>}
    </Link>
  )
}

export function TagList({ tags, label = t.layout.tags }: { tags: Tag[]; label?: string }) {
  if (tags.length === 0) return null
  return (
    <ul className="tag-list" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag.key}>
          <TagChip tag={tag} />
        </li>
      ))}
    </ul>
  )
}
