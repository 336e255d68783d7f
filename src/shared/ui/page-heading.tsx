/**
 * A page's `h1`. It can take focus (tabIndex -1) because the layout moves focus to it after each
 * client-side navigation, so screen reader and keyboard users start at the new page.
 */
import type { ReactNode } from 'react'

export function PageHeading({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <h1 tabIndex={-1} className={['page-heading', className].filter(Boolean).join(' ')} data-page-heading="">
      {children}
    </h1>
  )
}
