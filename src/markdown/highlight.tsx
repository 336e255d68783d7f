/**
 * The theme's highlight callout (`{% include elements/highlight.html text="..." %}`, a `<mark>`):
 * inline, inside running text, lists, headings and table cells, with its own link.
 */
import type { ComponentProps } from 'react'
import { PassageLink } from './passage-link.tsx'

export function Highlight({ className, children, ...props }: ComponentProps<'mark'>) {
  return (
    <mark {...props} className={['highlight', className].filter(Boolean).join(' ')}>
      {children}
      <PassageLink id={props.id} kind="highlight" />
    </mark>
  )
}
