/** The theme's button (`elements/button.html`): a link styled as a button, in the theme's styles. */
import type { ComponentProps } from 'react'
import { withClass } from './with-class.ts'

const STYLES = /^(outline-)?(primary|secondary|success|danger|warning|info|light|dark|link)$/

export function Button({ className, children, ...props }: ComponentProps<'a'> & Record<`data-${string}`, string | undefined>) {
  const style = STYLES.test(props['data-button-style'] ?? '') ? props['data-button-style'] : 'outline-primary'
  return (
    <a {...props} data-button-style={style} className={withClass('button', className)}>
      {children}
    </a>
  )
}
