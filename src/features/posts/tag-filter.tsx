/** Tag toggles for the list, with the any/all choice and one control that clears the filter. */
import type { ListFilter, TagCount, TagMatch } from '../../shared/list-filter.ts'

interface TagFilterProps {
  counts: TagCount[]
  filter: ListFilter
  onChange: (filter: ListFilter) => void
}

export function TagFilter({ counts, filter, onChange }: TagFilterProps) {
  const selected = new Set(filter.tags)
  const toggle = (key: string) =>
    onChange({ ...filter, tags: selected.has(key) ? filter.tags.filter((tag) => tag !== key) : [...filter.tags, key] })
  const setMatch = (match: TagMatch) => onChange({ ...filter, match })

  return (
    <section className="tag-filter" aria-labelledby="tag-filter-heading">
      <h2 id="tag-filter-heading" className="visually-hidden">
        Filter by tag
      </h2>
      <ul className="tag-filter-tags">
        {counts.map(({ tag, count }) => (
          <li key={tag.key}>
            <button type="button" className="tag-toggle" aria-pressed={selected.has(tag.key)} onClick={() => toggle(tag.key)}>
              {tag.name} <span className="tag-toggle-count">{count}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="tag-filter-options">
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
        {filter.tags.length > 0 && (
          <button type="button" className="clear-filter" onClick={() => onChange({ tags: [], match: 'any' })}>
            Clear filter
          </button>
        )}
      </div>
    </section>
  )
}
