/** The theme's figure (`{% include elements/figure.html image caption alt %}`), or any `<figure>`. */
import { createContext, type ComponentProps } from 'react'
import { withClass } from './with-class.ts'

/** Tells an image it stands in a figure, whose caption already says what it shows. */
export const InFigure = createContext(false)

export function Figure({ className, children, ...props }: ComponentProps<'figure'>) {
  return (
    <figure {...props} className={withClass('figure', className)}>
      <InFigure.Provider value={true}>{children}</InFigure.Provider>
    </figure>
  )
}
