/** Formatted front-matter text (shared/formatted-text.ts) as React elements; search terms marked in its text. */
import type { ReactNode } from 'react'
import type { FormattedRun, FormattedText } from '../formatted-text.ts'
import { MarkedText } from './marked-text.tsx'

export function FormattedTextView({ text, terms = [] }: { text: FormattedText; terms?: string[] }): ReactNode {
  if (typeof text === 'string') return <MarkedText text={text} terms={terms} />
  return text.map((run, index) => <Run key={index} run={run} terms={terms} />)
}

function Run({ run, terms }: { run: FormattedRun; terms: string[] }): ReactNode {
  if (typeof run === 'string') return <MarkedText text={run} terms={terms} />
  const [name] = run
  const children = (name === 'a' ? run.slice(2) : run.slice(1)) as FormattedRun[]
  const content = children.map((child, index) => <Run key={index} run={child} terms={terms} />)
  if (name === 'a') return <a href={run[1] as string}>{content}</a>
  const Element = name
  return <Element>{content}</Element>
}
