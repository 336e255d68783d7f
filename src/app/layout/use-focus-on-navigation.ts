/**
 * After a client-side navigation, focus moves to the new page's heading, as a full page load would
 * put a screen reader at the top. Not on the first load (the reader has not moved), and not when only
 * the query changes (filtering the list must keep focus on the control that filtered it).
 */
import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router'

export function useFocusOnNavigation() {
  const { pathname, hash } = useLocation()
  const previous = useRef<string | null>(null)
  useEffect(() => {
    const first = previous.current === null
    const changed = previous.current !== pathname
    previous.current = pathname
    if (first || !changed || hash) return
    const heading = document.querySelector<HTMLElement>('[data-page-heading]')
    heading?.focus({ preventScroll: true })
  }, [pathname, hash])
}
