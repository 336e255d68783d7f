/** A markdown block quote (`> ...`) as a pull quote. */
import type { ComponentProps } from 'react'

export function Quote({ className, children, ...props }: ComponentProps<'blockquote'>) {
  return (
    <blockquote {...props} className={['quote', className].filter(Boolean).join(' ')}>
      {children}
    </blockquote>
  )
}
