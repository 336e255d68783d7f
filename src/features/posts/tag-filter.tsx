/**
 * Tag toggles for the list: each shows how many posts the list would show if clicked now; the any/all
 * choice once two tags are chosen.
 */
import { memo } from 'react'
import type { ListFilter, TagCount, TagMatch } from '../../shared/list-filter.ts'

interface TagFilterProps {
  tags: Array<TagCount & { ifToggled: number }>
  filter: ListFilter
  onChange: (filter: ListFilter) => void
  /** The reader is about to press a toggle (hover, focus): the filter it would give. */
  onIntent?: (filter: ListFilter) => void
  /** The reader reaches for the filter (the pointer enters it, or focus does). */
  onReach?: () => void
}

export const TagFilter = memo(function TagFilter({ tags, filter, onChange, onIntent, onReach }: TagFilterProps) {
  const selected = new Set(filter.tags)
  const toggled = (key: string): ListFilter => ({ ...filter, tags: selected.has(key) ? filter.tags.filter((tag) => tag !== key) : [...filter.tags, key] })
  const toggle = (key: string) => onChange(toggled(key))
  const setMatch = (match: TagMatch) => onChange({ ...filter, match })

  return (
    <section className="tag-filter" aria-labelledby="tag-filter-heading" onPointerEnter={onReach} onFocus={onReach}>
      <h2 id="tag-filter-heading" className="visually-hidden">
        Filter by tag
      </h2>
      <ul className="tag-filter-tags">
        {tags.map(({ tag, ifToggled }) => (
          <li key={tag.key}>
            <button
              type="button"
              className="tag-toggle"
              aria-pressed={selected.has(tag.key)}
              onClick={() => toggle(tag.key)}
              onPointerEnter={() => onIntent?.(toggled(tag.key))}
              onFocus={() => onIntent?.(toggled(tag.key))}
              aria-label={`${tag.name}, ${ifToggled} ${ifToggled === 1 ? 'post' : 'posts'}`}
            >
              {tag.name} <span className="tag-toggle-count">{ifToggled}</span>
            </button>
          </li>
        ))}
      </ul>
      {filter.tags.length > 1 && (
        <fieldset className="tag-match">
          <legend>Show posts with</legend>
          {(['any', 'all'] as const).map((match) => (
            <label key={match}>
              <input type="radio" name="tag-match" value={match} checked={filter.match === match} onChange={() => setMatch(match)} />
              {match === 'any' ? ' any of these tags' : ' all of these tags'}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  )
})
