/** The footer of every page: who writes the blog, where to subscribe, and the way to every tag. */
import { Link } from 'react-router'
import settings from 'virtual:site-settings'
import { withBase } from '../../shared/base-path.ts'
import { paths } from '../../shared/paths.ts'

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer-about">
        <p className="site-footer-title">{settings.title}</p>
        <p>{settings.description}</p>
        <p>Written by {settings.author}.</p>
      </div>
      <nav className="site-footer-links" aria-label="Follow and browse">
        <ul>
          <li>
            <a href={withBase('/feed.xml')} type="application/atom+xml">
              Atom feed
            </a>
          </li>
          <li>
            <a href={withBase('/feed.json')} type="application/feed+json">
              JSON feed
            </a>
          </li>
          <li>
            <Link to={paths.tags.href()}>All tags</Link>
          </li>
          <li>
            <Link to={paths.home.href()}>All posts</Link>
          </li>
        </ul>
      </nav>
    </footer>
  )
}
