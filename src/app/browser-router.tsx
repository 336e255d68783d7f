/**
 * The browser's router: react-router's declarative `<Router>` on the browser history, as its
 * `<BrowserRouter>` is, with what the app's pages need on top:
 *
 * - each location change renders in a transition, so the page on screen stays until the next one has
 *   its code and data (pages suspend from both), and `usePendingLocation()` says which one is coming
 *   (src/shared/pending-navigation.ts);
 * - `onNavigate` hears of a location before it renders, to start loading its code and data at once;
 * - a location whose page is ready (`isReady`) renders at once, in the frame of the click, and the
 *   address bar follows once that frame is painted (writing history costs the browser a few
 *   milliseconds, which the reader would otherwise wait for before seeing the page);
 * - scroll positions are restored on Back and Forward, a `#hash` is scrolled to, and any other new
 *   page starts at the top unless it asked otherwise (`preventScrollReset`, see use-scroll-restoration).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useTransition, type ReactNode } from 'react'
import { NavigationType, parsePath, Router, UNSAFE_createBrowserHistory as createBrowserHistory, type Location, type Navigator, type To } from 'react-router'
import { useScrollRestoration, type ScrollRequest } from './use-scroll-restoration.ts'

import { PendingNavigation } from '../shared/pending-navigation.ts'
import { afterPaint } from '../shared/after-paint.ts'

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
  /**
   * The location to render first, when it must be the one the page's HTML was made for (hydration):
   * the reader may go Back or Forward between the app's decision to hydrate and its first render.
   * The router catches up with the address once it listens.
   */
  initialLocation?: Location
  children: ReactNode
}

export function BrowserRouter({ basename, onNavigate, isReady, initialLocation, children }: BrowserRouterProps) {
  // The browser history, as react-router's own <BrowserRouter> makes it.
  const [history] = useState(() => createBrowserHistory({ v5Compat: true }))
  const [navigation, setNavigation] = useState<Navigation>(() => ({ action: history.action, location: initialLocation ?? history.location, preventScrollReset: false }))
  const caughtUp = useRef(false)
  const [pending, startTransition] = useTransition()
  // The location asked for, set at once (not in the transition) so controls can show it right away.
  const [requested, setRequested] = useState<Location | null>(null)
  // Set by a push or replace for the listener, which the history calls right after it.
  const preventScrollReset = useRef(false)
  const scroll = useScrollRestoration(navigation)

  // Kept in refs: the navigator is made once, and reads the latest of each.
  const latest = useRef({ isReady, scroll })
  useLayoutEffect(() => {
    latest.current = { isReady, scroll }
  })
  // History writes of locations already on screen, waiting for the frame that shows them to be painted.
  const [writes] = useState(() => new DeferredWrites())

  const navigator = useMemo<Navigator>(() => {
    const go = (action: 'PUSH' | 'REPLACE', to: To, state: unknown, options: { preventScrollReset?: boolean } | undefined) => {
      // Entries stay in the order the reader made them.
      writes.flush()
      const location: Location = { pathname: '/', search: '', hash: '', ...(typeof to === 'string' ? parsePath(to) : to), state: state ?? null, key: createKey() }
      if (latest.current.isReady?.(location)) {
        if (action === 'PUSH') latest.current.scroll.leave()
        setRequested(null)
        setNavigation({ action: action as NavigationType, location, preventScrollReset: options?.preventScrollReset === true })
        // The same location (and key) goes into the history: the listener hears it as the one shown.
        writes.add(() => (action === 'PUSH' ? history.push(location, location.state) : history.replace(location, location.state)))
        return
      }
      preventScrollReset.current = options?.preventScrollReset === true
      if (action === 'PUSH') history.push(to, state)
      else history.replace(to, state)
    }
    return {
      createHref: history.createHref,
      createURL: history.createURL,
      encodeLocation: history.encodeLocation,
      go: (delta) => {
        writes.flush()
        history.go(delta)
      },
      push: (to, state, options) => go('PUSH', to, state, options),
      replace: (to, state, options) => go('REPLACE', to, state, options),
    }
  }, [history, writes])

  useLayoutEffect(() => {
    const onHistoryChange = ({ action, location }: { action: NavigationType; location: Location }) => {
      // A deferred write of the location on screen: nothing changes.
      if (writes.writing) return
      // Back or Forward: a write still waiting belongs to the entry left.
      writes.cancel()
      const next = { action, location, preventScrollReset: preventScrollReset.current }
      preventScrollReset.current = false
      // A replaced entry cannot be returned to: only a page left for another entry keeps its place.
      if (action !== 'REPLACE') scroll.leave()
      // A page that has all it needs (Back to another filter of the list) is shown in the same frame;
      // any other waits, in a transition, with the current page on screen.
      if (isReady?.(location)) {
        setRequested(null)
        setNavigation(next)
        return
      }
      onNavigate?.(location)
      setRequested(location)
      startTransition(() => setNavigation(next))
    }
    const unlisten = history.listen(onHistoryChange)
    // Back or Forward before the app listened (a reader who reloads a post and goes Back at once, while
    // the page hydrates): the address moved without the router. Only on the first run: later, a deferred
    // write may rightly leave the address behind the page on screen.
    if (!caughtUp.current) {
      caughtUp.current = true
      if (history.createHref(history.location) !== history.createHref(navigation.location)) onHistoryChange({ action: NavigationType.Pop, location: history.location })
    }
    return unlisten
    // `navigation` is read on the first run only, so it is not a dependency.
  }, [history, onNavigate, isReady, scroll, writes])

  useEffect(() => () => writes.flush(), [writes])

  return (
    <PendingNavigation.Provider value={pending && requested !== navigation.location ? requested : null}>
      <Router basename={basename} location={navigation.location} navigationType={navigation.action} navigator={navigator}>
        {children}
      </Router>
    </PendingNavigation.Provider>
  )
}

/** The address the browser shows now, as the browser history reads it (its state and key included). */
export function addressNow(): Location {
  const entry = window.history.state as { usr?: unknown; key?: string } | null
  const { pathname, search, hash } = window.location
  return { pathname, search, hash, state: entry?.usr ?? null, key: entry?.key ?? 'default' }
}

/** A history entry's key, as react-router's history makes them. */
function createKey(): string {
  return Math.random().toString(36).substring(2, 10)
}

/**
 * History writes put off until the frame that shows their location has been painted (after-paint.ts):
 * the browser's `pushState` and `replaceState` take from a fraction of a millisecond to several, which
 * a reader waiting for the list to change would wait for too. They run in order; a new navigation
 * writes any waiting first.
 */
class DeferredWrites {
  /** True while a deferred write runs (its listener call is an echo of the location shown). */
  writing = false
  private queue: Array<() => void> = []
  private cancelScheduled: (() => void) | null = null

  add(write: () => void): void {
    this.queue.push(write)
    this.cancelScheduled ??= afterPaint(() => this.flush())
  }

  flush(): void {
    this.cancelScheduled?.()
    this.cancelScheduled = null
    const queue = this.queue
    this.queue = []
    this.writing = true
    try {
      for (const write of queue) write()
    } finally {
      this.writing = false
    }
  }

  cancel(): void {
    this.queue = []
  }
}
