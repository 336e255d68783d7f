/**
 * The search field. What the reader types goes into the URL (`?q=`) as they type, replacing the
 * history entry so Back leaves the list instead of undoing keystrokes.
 */
import { useEffect, useState } from 'react'

export function SearchBox({ value, onChange, onFirstUse }: { value: string; onChange: (q: string) => void; onFirstUse: () => void }) {
  const [text, setText] = useState(value)
  // Back/forward or a cleared filter change the URL: the field follows.
  useEffect(() => setText(value), [value])
  return (
    <form className="search-box" role="search" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor="post-search">Search posts</label>
      <input
        id="post-search"
        type="search"
        value={text}
        placeholder="Titles, tags, text…"
        autoComplete="off"
        onFocus={onFirstUse}
        onChange={(event) => {
          setText(event.target.value)
          onChange(event.target.value)
        }}
      />
    </form>
  )
}
