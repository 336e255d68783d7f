/**
 * "On this page": the post's headings, for posts with 3+ of them. It follows the post's header, so on a
 * phone the title comes first and the list is one closed line ("On this page") until opened; on a wide
 * screen the same list stands open beside the text (styles.css places it), and marks the section being
 * read (`aria-current="location"`).
 */
import { useEffect, useRef, useState } from 'react'
import type { TocEntry } from '../../shared/post-data.ts'
import postText from 'virtual:site-locale/post'

export const TOC_MIN_HEADINGS = 3
/** Where the list stands beside the text; keep in step with styles.css. */
const WIDE_SCREEN = '(min-width: 72rem)'

export function PostToc({ entries }: { entries: TocEntry[] }) {
  const details = useRef<HTMLDetailsElement>(null)
  const current = useCurrentSection(entries)
  useEffect(() => {
    const wide = window.matchMedia(WIDE_SCREEN)
    // Opened on a wide screen (CSS shows it there even before this runs, see `::details-content`), so
    // assistive technology hears it as open too.
    const update = () => {
      if (details.current && wide.matches) details.current.open = true
    }
    update()
    wide.addEventListener('change', update)
    return () => wide.removeEventListener('change', update)
  }, [])
  if (entries.length < TOC_MIN_HEADINGS) return null
  return (
    <nav className="post-toc" aria-labelledby="post-toc-heading">
      <details ref={details}>
        <summary>
          <h2 id="post-toc-heading" className="post-toc-heading">
            {postText.onThisPage}
          </h2>
        </summary>
        <ol>
          {entries.map((entry) => (
            <li key={entry.id} data-depth={entry.depth}>
              <a href={`#${entry.id}`} aria-current={entry.id === current ? 'location' : undefined}>
                {entry.text}
              </a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  )
}

/** The id of the last heading scrolled past the top fifth of the screen: the section being read. */
function useCurrentSection(entries: TocEntry[]): string | null {
  const [current, setCurrent] = useState<string | null>(null)
  useEffect(() => {
    if (entries.length < TOC_MIN_HEADINGS) return
    let frame = 0
    const update = () => {
      frame = 0
      const line = window.innerHeight / 5
      let found: string | null = null
      for (const entry of entries) {
        const heading = document.getElementById(entry.id)
        if (!heading) continue
        if (heading.getBoundingClientRect().top > line) break
        found = entry.id
      }
      setCurrent(found)
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update)
    }
    update()
    window.addEventListener('scroll', schedule, { passive: true })
    window.addEventListener('resize', schedule)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', schedule)
      window.removeEventListener('resize', schedule)
    }
  }, [entries])
  return current
}
