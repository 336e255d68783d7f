/** A markdown block quote (`> ...`) as a pull quote, with its own link. */
import type { ComponentProps } from 'react'
import { PassageLink } from './passage-link.tsx'
import { withClass } from './with-class.ts'

export function Quote({ className, children, ...props }: ComponentProps<'blockquote'>) {
  return (
    <blockquote {...props} className={withClass('quote', className)}>
      {children}
      <PassageLink id={props.id} kind="quote" />
    </blockquote>
  )
}
