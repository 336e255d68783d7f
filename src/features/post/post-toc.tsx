/** "On this page": the post's headings, beside the text on wide screens. Only for 3+ headings. */
import type { TocEntry } from '../../shared/post-data.ts'

export const TOC_MIN_HEADINGS = 3

export function PostToc({ entries }: { entries: TocEntry[] }) {
  if (entries.length < TOC_MIN_HEADINGS) return null
  return (
    <nav className="post-toc" aria-labelledby="post-toc-heading">
      <h2 id="post-toc-heading" className="post-toc-heading">
        On this page
      </h2>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id} data-depth={entry.depth}>
            <a href={`#${entry.id}`}>{entry.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
