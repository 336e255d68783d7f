/**
 * The browser's router: react-router's declarative `<Router>` on the browser history, as its
 * `<BrowserRouter>` is, with what the app's pages need on top:
 *
 * - each location change renders in a transition, so the page on screen stays until the next one has
 *   its code and data (pages suspend from both), and `usePendingLocation()` says which one is coming
 *   (src/shared/pending-navigation.ts);
 * - `onNavigate` hears of a location before it renders, to start loading its code and data at once;
 * - a location whose page is ready (`isReady`) renders at once, in the frame of the click;
 * - scroll positions are restored on Back and Forward, a `#hash` is scrolled to, and any other new
 *   page starts at the top unless it asked otherwise (`preventScrollReset`, see use-scroll-restoration).
 */
import { useLayoutEffect, useMemo, useRef, useState, useTransition, type ReactNode } from 'react'
import { Router, UNSAFE_createBrowserHistory as createBrowserHistory, type Location, type Navigator, type NavigationType } from 'react-router'
import { useScrollRestoration, type ScrollRequest } from './use-scroll-restoration.ts'

import { PendingNavigation } from '../shared/pending-navigation.ts'

export interface Navigation extends ScrollRequest {
  action: NavigationType
  location: Location
}

interface BrowserRouterProps {
  basename: string
  /** Hears of a location before it renders, to start loading its code and data at once. */
  onNavigate?: (location: Location) => void
  /** Whether a location's page has its code and data already: it then renders at once, not in a transition. */
  isReady?: (location: Location) => boolean
  children: ReactNode
}

export function BrowserRouter({ basename, onNavigate, isReady, children }: BrowserRouterProps) {
  // The browser history, as react-router's own <BrowserRouter> makes it.
  const [history] = useState(() => createBrowserHistory({ v5Compat: true }))
  const [navigation, setNavigation] = useState<Navigation>(() => ({ action: history.action, location: history.location, preventScrollReset: false }))
  const [pending, startTransition] = useTransition()
  // The location asked for, set at once (not in the transition) so controls can show it right away.
  const [requested, setRequested] = useState<Location | null>(null)
  // Set by a push or replace for the listener, which the history calls right after it.
  const preventScrollReset = useRef(false)
  const scroll = useScrollRestoration(navigation)

  const navigator = useMemo<Navigator>(
    () => ({
      createHref: history.createHref,
      createURL: history.createURL,
      encodeLocation: history.encodeLocation,
      go: history.go,
      push(to, state, options) {
        preventScrollReset.current = options?.preventScrollReset === true
        history.push(to, state)
      },
      replace(to, state, options) {
        preventScrollReset.current = options?.preventScrollReset === true
        history.replace(to, state)
      },
    }),
    [history],
  )

  useLayoutEffect(
    () =>
      history.listen(({ action, location }) => {
        const next = { action, location, preventScrollReset: preventScrollReset.current }
        preventScrollReset.current = false
        // A replaced entry cannot be returned to: only a page left for another entry keeps its place.
        if (action !== 'REPLACE') scroll.leave()
        onNavigate?.(location)
        // A page that has all it needs (another filter of the list, loaded already) is shown in the
        // same frame as the click; any other waits, in a transition, with the current page on screen.
        if (isReady?.(location)) {
          setRequested(null)
          setNavigation(next)
          return
        }
        setRequested(location)
        startTransition(() => setNavigation(next))
      }),
    [history, onNavigate, isReady, scroll],
  )

  return (
    <PendingNavigation.Provider value={pending && requested !== navigation.location ? requested : null}>
      <Router basename={basename} location={navigation.location} navigationType={navigation.action} navigator={navigator}>
        {children}
      </Router>
    </PendingNavigation.Provider>
  )
}
