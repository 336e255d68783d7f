/** The footer of every page: who writes the blog, where to subscribe, and the way to every tag. */
import { memo } from 'react'
import { Link } from 'react-router'
import settings from 'virtual:site-settings'
import { withBase } from '../../shared/base-path.ts'
import { paths } from '../../shared/paths.ts'
import { fill, t } from '../../shared/i18n/i18n.ts'

/** Memoized: it does not change with the location (each search keystroke is a new one). */
export const SiteFooter = memo(function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer-about">
        <p className="site-footer-title">{settings.title}</p>
        <p>{settings.description}</p>
        <p>{fill(t.layout.writtenBy, { author: settings.author })}</p>
      </div>
      <nav className="site-footer-links" aria-label={t.layout.footerNavigation}>
        <ul>
          <li>
            <a href={withBase('/feed.xml')} type="application/atom+xml">
              {t.layout.atomFeed}
            </a>
          </li>
          <li>
            <a href={withBase('/feed.json')} type="application/feed+json">
              {t.layout.jsonFeed}
            </a>
          </li>
          <li>
            <Link to={paths.tags.href()}>{t.layout.allTags}</Link>
          </li>
          <li>
            <Link to={paths.home.href()}>{t.layout.allPosts}</Link>
          </li>
        </ul>
      </nav>
    </footer>
  )
})
