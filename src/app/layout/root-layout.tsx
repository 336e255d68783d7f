/** The frame around every page: skip link, header, main landmark, footer, navigation feedback. */
import { memo, useEffect } from 'react'
import { Link, NavLink, Outlet } from 'react-router'
import settings from 'virtual:site-settings'
import { paths } from '../../shared/paths.ts'
import { useFocusOnNavigation } from './use-focus-on-navigation.ts'
import { ThemeToggle } from './theme-toggle.tsx'
import { ReaderSettingsButton } from '../../features/settings/reader-settings-button.tsx'
import { SiteFooter } from './site-footer.tsx'
import { useNavigationPending } from '../../shared/pending-navigation.ts'
import { t } from '../../shared/i18n/i18n.ts'

export function RootLayout() {
  const pending = useNavigationPending()
  useFocusOnNavigation()
  useEffect(() => {
    // The app has taken over the page: end-to-end tests wait for this before they interact.
    document.documentElement.dataset.app = 'ready'
  }, [])
  return (
    <>
      <a className="skip-link" href="#main">
        {t.layout.skipToContent}
      </a>
      <div className="navigation-progress" data-active={pending} aria-hidden="true" />
      <SiteHeader />
      <main id="main" className="site-main">
        <Outlet />
      </main>
      <SiteFooter />
    </>
  )
}

/**
 * The header does not change with the location: memoized (as the footer is), a keystroke in the list's
 * search (a new location each) renders only its links, which follow the location themselves, not the
 * theme toggle or the settings button.
 */
const SiteHeader = memo(function SiteHeader() {
  return (
    <header className="site-header">
      <Link className="site-title" to={paths.home.href()}>
        {settings.title}
      </Link>
      <nav aria-label={t.layout.siteNavigation}>
        <ul>
          <li>
            <NavLink to={paths.home.href()} end>
              {t.layout.posts}
            </NavLink>
          </li>
          <li>
            <NavLink to={paths.tags.href()}>{t.layout.tags}</NavLink>
          </li>
          <li>
            <NavLink to={paths.archive.href()}>{t.layout.archive}</NavLink>
          </li>
          <li>
            <ThemeToggle />
          </li>
          <li>
            <ReaderSettingsButton />
          </li>
        </ul>
      </nav>
    </header>
  )
})
