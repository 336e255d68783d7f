/** The theme's figure (`{% include elements/figure.html image caption alt %}`), or any `<figure>`. */
import type { ComponentProps } from 'react'

export function Figure({ className, children, ...props }: ComponentProps<'figure'>) {
  return (
    <figure {...props} className={['figure', className].filter(Boolean).join(' ')}>
      {children}
    </figure>
  )
}
