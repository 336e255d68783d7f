/**
 * The theme's highlight callout (`{% include elements/highlight.html text="..." %}`, a `<mark>`):
 * inline, inside running text, lists, headings and table cells, with its own link. The link follows
 * the `<mark>` rather than sitting inside it, so it neither reflows the highlighted words nor leaves
 * a yellow pill of its own on the next line.
 */
import type { ComponentProps } from 'react'
import { PassageLink } from './passage-link.tsx'
import { withClass } from './with-class.ts'

export function Highlight({ className, children, ...props }: ComponentProps<'mark'>) {
  return (
    <>
      <mark {...props} className={withClass('highlight', className)}>
        {children}
      </mark>
      <PassageLink id={props.id} kind="highlight" />
    </>
  )
}
