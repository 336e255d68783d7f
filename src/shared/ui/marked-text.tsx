/** Text with the words a search matched marked, as the results list shows titles and excerpts. */
import type { ReactNode } from 'react'

export function MarkedText({ text, terms }: { text: string; terms: string[] }): ReactNode {
  if (terms.length === 0) return text
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length)
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu')
  return text.split(pattern).map((part, index) => (index % 2 === 1 ? <mark key={index} className="search-match">{part}</mark> : part))
}
