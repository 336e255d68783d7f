/**
 * After a client-side navigation, focus moves to the new page's heading, as a full page load would
 * put a screen reader at the top. Not on the first load (the reader has not moved), and not when only
 * the query changes (filtering the list must keep focus on the control that filtered it).
 *
 * Back (or Forward) to a page with a link to the page just left (a list card) puts focus on that
 * link instead: the reader continues from the card they opened, as after Back on a plain web page.
 */
import { useEffect, useRef } from 'react'
import { useLocation, useNavigationType } from 'react-router'

export function useFocusOnNavigation() {
  const { pathname, hash } = useLocation()
  const navigationType = useNavigationType()
  const previous = useRef<string | null>(null)
  useEffect(() => {
    const left = previous.current
    previous.current = pathname
    if (left === null || left === pathname || hash) return
    const target = (navigationType === 'POP' ? linkTo(left) : null) ?? document.querySelector<HTMLElement>('[data-page-heading]')
    // The scroll position is the router's to restore (use-scroll-restoration.ts).
    target?.focus({ preventScroll: true })
  }, [pathname, hash, navigationType])
}

/** The page's in-app link to `path` (cards carry their app path in `data-to`), if it has one. */
function linkTo(path: string): HTMLElement | null {
  const wanted = safeDecode(path)
  for (const link of document.querySelectorAll<HTMLAnchorElement>('main a[data-to]')) {
    if (safeDecode(link.dataset.to ?? '') === wanted) return link
  }
  return null
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path)
  } catch {
    return path
  }
}
