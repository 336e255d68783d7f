/**
 * Tag toggles for the list: each shows how many posts carry the tag within the current search (every
 * post without one), a number that means the same thing whatever else is chosen. With "all of these
 * tags", a tag that would leave no post is dimmed (still pressable: the list then says why it is
 * empty). The any/all choice appears once two tags are chosen.
 */
import { memo } from 'react'
import type { ListFilter, TagCount, TagMatch } from '../../shared/list-filter.ts'
import { count, fill, t } from '../../shared/i18n/i18n.ts'
import listText from 'virtual:site-locale/list'

interface TagFilterProps {
  /** `ifToggled`: the view's size if the tag were toggled; `inView`: posts within the search that carry it. */
  tags: Array<TagCount & { ifToggled: number; inView: number }>
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
        {listText.filterByTag}
      </h2>
      <ul className="tag-filter-tags">
        {tags.map(({ tag, ifToggled, inView }) => {
          const pressed = selected.has(tag.key)
          const leavesNone = !pressed && (inView === 0 || (filter.match === 'all' && filter.tags.length > 0 && ifToggled === 0))
          return (
            <li key={tag.key}>
              <button
                type="button"
                className="tag-toggle"
                aria-pressed={pressed}
                data-leaves-none={leavesNone || undefined}
                onClick={() => toggle(tag.key)}
                onPointerEnter={() => onIntent?.(toggled(tag.key))}
                onFocus={() => onIntent?.(toggled(tag.key))}
                aria-label={toggleLabel(tag.name, inView, leavesNone && inView > 0)}
              >
                {tag.name} <span className="tag-toggle-count">{inView}</span>
              </button>
            </li>
          )
        })}
      </ul>
      {filter.tags.length > 1 && (
        <fieldset className="tag-match">
          <legend>{listText.showPostsWith}</legend>
          <div className="segmented">
            {(['any', 'all'] as const).map((match) => (
              <label key={match}>
                <input type="radio" name="tag-match" value={match} checked={filter.match === match} onChange={() => setMatch(match)} />
                <span>{match === 'any' ? listText.anyOfTheseTags : listText.allOfTheseTags}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </section>
  )
})

/** `Growth, 3 posts`, and `, none with the chosen tags` when it would leave no post. */
function toggleLabel(name: string, posts: number, leavesNone: boolean): string {
  const label = fill(listText.tagToggle, { tag: name, count: count(t.counts.posts, posts) })
  return leavesNone ? fill(listText.noneWithChosenTags, { label }) : label
}
