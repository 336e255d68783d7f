/**
 * The URLs the app's own pages answer at. A site page claiming one of them (portfolYOU's `index.md` at
 * `/`, `blog.html` at `/blog/`) is not published: the app's list, tags page and not-found page win.
 */
import { permalinkKey } from '../../shared/permalink-key.ts'

const APP_PAGES: Record<string, string> = {
  '/': 'the post list',
  '/blog': 'the post list',
  '/blog/tags': 'the tags page',
  '/404': 'the not-found page',
}

/**
 * Where the app shows what a site page at `url` showed, when that is another path: the theme's blog
 * index at `/blog/` is the app's list at `/`. Old links to it get a redirect page.
 */
export function appPathFor(url: string): string | null {
  return permalinkKey(url) === '/blog' ? '/' : null
}

/** What the app shows at `url`, when the app owns it; null when a site page may have it. */
export function appPageAt(url: string): string | null {
  const key = permalinkKey(url)
  if (APP_PAGES[key]) return APP_PAGES[key]
  if (/^\/page\/\d+$/.test(key) || /^\/blog\/tags\/[^/]+(\/page\/\d+)?$/.test(key)) return 'a page of the post list'
  if (/^\/data(\/|$)/.test(key)) return "the app's data files"
  return null
}
