/**
 * The theme's highlight callout (`{% include elements/highlight.html text="..." %}`, a `<mark>`):
 * inline, inside running text, lists, headings and table cells.
 */
import type { ComponentProps } from 'react'

export function Highlight({ className, children, ...props }: ComponentProps<'mark'>) {
  return (
    <mark {...props} className={['highlight', className].filter(Boolean).join(' ')}>
      {children}
    </mark>
  )
}
