/** The frame around every page: skip link, header, main landmark, footer, navigation feedback. */
import { useEffect, useState } from 'react'
import { Link, NavLink, Outlet, ScrollRestoration, useNavigation } from 'react-router'
import settings from 'virtual:site-settings'
import { paths } from '../../shared/paths.ts'
import { useFocusOnNavigation } from './use-focus-on-navigation.ts'
import { ThemeToggle } from './theme-toggle.tsx'

export function RootLayout() {
  const navigation = useNavigation()
  useFocusOnNavigation()
  // ScrollRestoration renders a script keyed by the history entry, which a prerendered page cannot
  // know (a reload or Back has its own key): it joins after hydration, so the markup matches.
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => {
    setHydrated(true)
    // The app has taken over the page: end-to-end tests wait for this before they interact.
    document.documentElement.dataset.app = 'ready'
  }, [])
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="navigation-progress" data-active={navigation.state !== 'idle'} aria-hidden="true" />
      <header className="site-header">
        <Link className="site-title" to={paths.home.href()}>
          {settings.title}
        </Link>
        <nav aria-label="Site">
          <ul>
            <li>
              <NavLink to={paths.home.href()} end>
                Posts
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.tags.href()}>Tags</NavLink>
            </li>
            <li>
              <ThemeToggle />
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{settings.title}</p>
      </footer>
      {hydrated && <ScrollRestoration />}
    </>
  )
}
