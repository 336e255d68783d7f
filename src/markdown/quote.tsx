/** A markdown block quote (`> ...`) as a pull quote, with its own link. */
import type { ComponentProps } from 'react'
import { PassageLink } from './passage-link.tsx'

export function Quote({ className, children, ...props }: ComponentProps<'blockquote'>) {
  return (
    <blockquote {...props} className={['quote', className].filter(Boolean).join(' ')}>
      {children}
      <PassageLink id={props.id} kind="quote" />
    </blockquote>
  )
}
