/**
 * Scroll positions across navigations, as react-router's `<ScrollRestoration>` keeps them for a data
 * router: Back and Forward (and a reload) return to where the reader was on that history entry; a new
 * page with a `#hash` scrolls to that element; any other new page starts at the top, unless the
 * navigation asked to stay (`preventScrollReset`, as a filter change on the list does).
 *
 * The router calls `leave()` just before a navigation to another history entry, while the page being
 * left is still on screen; the new position is applied once the next page is committed (this hook's
 * layout effect runs after the page's own), so the page is there to scroll. Positions live in
 * sessionStorage over reloads.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Location, NavigationType } from 'react-router'

export interface ScrollRequest {
  /** The navigation asked to keep the scroll position (a link's or navigate's `preventScrollReset`). */
  preventScrollReset: boolean
}

const STORAGE_KEY = 'scroll-positions'

/** Entries the browser made itself (the first page, a plain `#hash` link) have no key of the router's. */
function keyOf(location: Location): string {
  return location.key === 'default' ? `default ${location.pathname}${location.search}${location.hash}` : location.key
}

function readPositions(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, number>
  } catch {
    return {}
  }
}

function elementOfHash(hash: string): HTMLElement | null {
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)))
  } catch {
    return null
  }
}

/** The page was reloaded or reached with Back/Forward from another document (not opened anew). */
function returnedToDocument(): boolean {
  const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
  return entry?.type === 'reload' || entry?.type === 'back_forward'
}

/**
 * Back to a saved position. Content that is skipped while off screen (`content-visibility: auto`, as
 * the list's cards are) holds only a placeholder height until it has been rendered once: the page is
 * rendered whole for this scroll (`data-restoring-scroll`, see styles.css), so the position lands on
 * the same content as before, and is skipped again once a frame has recorded the real heights.
 */
function restoreScroll(top: number) {
  const root = document.documentElement
  root.dataset.restoringScroll = ''
  window.scrollTo(0, top)
  requestAnimationFrame(() => requestAnimationFrame(() => delete root.dataset.restoringScroll))
}

export function useScrollRestoration(navigation: ScrollRequest & { action: NavigationType; location: Location }): { leave: () => void } {
  const [positions] = useState(readPositions)
  const shown = useRef(navigation.location)
  const applied = useRef<typeof navigation | null>(null)
  const scroll = useMemo(() => ({ leave: () => void (positions[keyOf(shown.current)] = window.scrollY) }), [positions])

  useEffect(() => {
    const manual = () => (window.history.scrollRestoration = 'manual')
    const onPageHide = () => {
      scroll.leave()
      try {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(positions))
      } catch {
        // Storage may be off (private mode): positions then last for this page only.
      }
      // A document loaded next in this tab (another site) gets the browser's own restoration.
      window.history.scrollRestoration = 'auto'
    }
    const onPageShow = (event: PageTransitionEvent) => event.persisted && manual()
    manual()
    window.addEventListener('pagehide', onPageHide)
    window.addEventListener('pageshow', onPageShow)
    return () => {
      window.removeEventListener('pagehide', onPageHide)
      window.removeEventListener('pageshow', onPageShow)
      window.history.scrollRestoration = 'auto'
    }
  }, [positions, scroll])

  useLayoutEffect(() => {
    // Once per navigation (StrictMode runs effects twice in development).
    if (applied.current === navigation) return
    const initial = applied.current === null
    applied.current = navigation
    const { action, location, preventScrollReset } = navigation
    shown.current = location
    const saved = positions[keyOf(location)]
    if ((initial ? returnedToDocument() : action === 'POP') && saved !== undefined) {
      restoreScroll(saved)
      return
    }
    const target = location.hash ? elementOfHash(location.hash) : null
    if (target) {
      target.scrollIntoView()
      return
    }
    // The first page is where the browser put it (the top, or its `#hash`).
    if (initial || preventScrollReset) return
    window.scrollTo(0, 0)
  }, [navigation, positions])

  return scroll
}
