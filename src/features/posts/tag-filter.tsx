/**
 * Tag toggles for the list: each shows how many posts carry the tag within the current search (every
 * post without one), a number that means the same thing whatever else is chosen. With "all of these
 * tags", a tag that would leave no post is dimmed (still pressable: the list then says why it is
 * empty). The any/all choice appears once two tags are chosen.
 */
import { memo, useCallback, useLayoutEffect, useRef } from 'react'
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
  const setMatch = (match: TagMatch) => onChange({ ...filter, match })
  // The toggles' handlers read the filter when they are used, so they stay the same functions while the
  // reader types: a keystroke then renders only the toggles whose count or state it changes, not all 40.
  // Kept once committed: a render the router abandons (a transition) must not leave its filter here.
  const latest = useRef({ filter, onChange, onIntent })
  useLayoutEffect(() => {
    latest.current = { filter, onChange, onIntent }
  })
  const toggle = useCallback((key: string) => latest.current.onChange(toggled(latest.current.filter, key)), [])
  const intent = useCallback((key: string) => latest.current.onIntent?.(toggled(latest.current.filter, key)), [])

  return (
    <section className="tag-filter" aria-labelledby="tag-filter-heading" onPointerEnter={onReach} onFocus={onReach}>
      <h2 id="tag-filter-heading" className="visually-hidden">
        {listText.filterByTag}
      </h2>
      <ul className="tag-filter-tags">
        {tags.map(({ tag, ifToggled, inView }) => {
          const pressed = selected.has(tag.key)
          const leavesNone = !pressed && (inView === 0 || (filter.match === 'all' && filter.tags.length > 0 && ifToggled === 0))
          return <TagToggle key={tag.key} tagKey={tag.key} name={tag.name} inView={inView} pressed={pressed} leavesNone={leavesNone} onToggle={toggle} onIntent={intent} />
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

interface TagToggleProps {
  tagKey: string
  name: string
  inView: number
  pressed: boolean
  leavesNone: boolean
  onToggle: (key: string) => void
  onIntent: (key: string) => void
}

/** One toggle: rendered again only when its count or state changes. */
const TagToggle = memo(function TagToggle({ tagKey, name, inView, pressed, leavesNone, onToggle, onIntent }: TagToggleProps) {
  return (
    <li>
      <button
        type="button"
        className="tag-toggle"
        aria-pressed={pressed}
        data-leaves-none={leavesNone || undefined}
        onClick={() => onToggle(tagKey)}
        onPointerEnter={() => onIntent(tagKey)}
        onFocus={() => onIntent(tagKey)}
        aria-label={toggleLabel(name, inView, leavesNone && inView > 0)}
      >
        {name} <span className="tag-toggle-count">{inView}</span>
      </button>
    </li>
  )
})

/** The filter with `key` toggled. */
function toggled(filter: ListFilter, key: string): ListFilter {
  return { ...filter, tags: filter.tags.includes(key) ? filter.tags.filter((tag) => tag !== key) : [...filter.tags, key] }
}

/** `Growth, 3 posts`, and `, none with the chosen tags` when it would leave no post. */
function toggleLabel(name: string, posts: number, leavesNone: boolean): string {
  const label = fill(listText.tagToggle, { tag: name, count: count(t.counts.posts, posts) })
  return leavesNone ? fill(listText.noneWithChosenTags, { label }) : label
}
