/**
 * The search field. What the reader types goes into the URL (`?q=`) as they type, replacing the
 * history entry so Back leaves the list instead of undoing keystrokes.
 */
import { useEffect, useRef, useState } from 'react'
import listText from 'virtual:site-locale/list'

export function SearchBox({ value, onChange, onFirstUse }: { value: string; onChange: (q: string) => void; onFirstUse: () => void }) {
  const [text, setText] = useState(value)
  // Back/forward or a cleared filter change the URL: the field follows. The URL catching up with what
  // the reader typed is not such a change: on a slow page it can lag a few keystrokes behind the field,
  // and following it would lose them. So what was typed is queued until the URL has shown it.
  const pending = useRef<string[]>([])
  useEffect(() => {
    const echo = pending.current.indexOf(value)
    if (echo >= 0) pending.current.splice(0, echo + 1)
    else {
      pending.current = []
      setText(value)
    }
  }, [value])
  return (
    <form className="search-box" role="search" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor="post-search">{listText.searchLabel}</label>
      <input
        id="post-search"
        type="search"
        value={text}
        placeholder={listText.searchPlaceholder}
        autoComplete="off"
        onFocus={onFirstUse}
        onChange={(event) => {
          const typed = event.target.value.trim()
          if (typed !== (pending.current.at(-1) ?? value)) pending.current.push(typed)
          setText(event.target.value)
          onChange(event.target.value)
        }}
      />
    </form>
  )
}
