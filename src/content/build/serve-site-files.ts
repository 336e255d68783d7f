/**
 * The dev server's side of a site folder: its static files at their own paths (`/assets/x.pdf` under
 * the base path, straight from the folder: nothing is copied), its pages rendered when asked for (a
 * posts folder's `layout: page` files too), and its redirects. Every request for anything else goes on to Vite and the app.
 */
import { createReadStream, realpathSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { Connect } from 'vite'
import { lookup } from 'mrmime'
import type { JekyllSite, SiteDocument } from '../site/jekyll-site.ts'
import type { LoadedPage } from '../post/load-page.ts'
import type { SiteSettings } from '../../site-settings.ts'
import { permalinkKey } from '../../shared/permalink-key.ts'
import { siteRedirects } from '../site/redirects.ts'
import { redirectHtml, sitePageHtml } from '../prerender/site-pages.ts'
import { isInside } from '../site/safe-walk.ts'

export interface SiteFilesOptions {
  base: string
  /** Read at each request: the dev server reads the site again when it changes. */
  site: () => JekyllSite
  settings: () => SiteSettings
  renderPage: (document: SiteDocument) => LoadedPage
}

/** The dev server has no built `index.html`: a page gets a plain frame around the same view. */
const DEV_TEMPLATE = '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8">\n    <meta name="viewport" content="width=device-width, initial-scale=1">\n    <title></title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n'

export function serveSiteFiles(options: SiteFilesOptions): Connect.NextHandleFunction {
  return (request, response, next) => {
    const site = options.site()
    const url = request.url?.split('?')[0] ?? ''
    if (!url.startsWith(options.base) || (request.method !== 'GET' && request.method !== 'HEAD')) return next()
    let path: string
    try {
      path = `/${decodeURIComponent(url.slice(options.base.length))}`
    } catch {
      return next()
    }
    const file = staticFileOnDisk(site, url.slice(options.base.length))
    if (file) {
      response.setHeader('Content-Type', lookup(file) ?? 'application/octet-stream')
      response.setHeader('Cache-Control', 'no-store')
      createReadStream(file).pipe(response)
      return
    }
    const key = permalinkKey(path)
    const redirect = siteRedirects(site).redirects.find((each) => permalinkKey(each.from) === key)
    // A post's page is the app's, as in the build (output-plan.ts): a site page or redirect there is left out.
    if (site.documents.some((each) => each.kind === 'post' && (permalinkKey(each.url) === key || permalinkKey(`/blog/${each.slug}/`) === key))) return next()
    const document = site.documents.find((each) => each.kind === 'page' && !each.redirectTo && permalinkKey(each.url) === key)
    if (!redirect && !document) return next()
    response.setHeader('Content-Type', 'text/html; charset=utf-8')
    response.setHeader('Cache-Control', 'no-store')
    response.end(redirect ? redirectHtml(redirect.to, options.settings()) : sitePageHtml(DEV_TEMPLATE, options.renderPage(document!), options.settings()))
  }
}

/**
 * The file on disk of a request for a static file of the site (`assets/logo.png`, as written in the URL
 * after the base path, still encoded), or null. Only a file of the site's static file list, by a plain
 * path (no `..`, no encoded `/` or `\\`), whose real path is still inside the site folder and not one of
 * Jekyll's private `_` or `.` files: a file may have been swapped for a link since the folder was read,
 * and the dev server may be reachable by others on the network.
 */
export function staticFileOnDisk(site: Pick<JekyllSite, 'siteDir' | 'staticFiles'>, encoded: string): string | null {
  if (!site.siteDir || /%(2f|5c|00)/i.test(encoded)) return null
  let path: string
  try {
    path = decodeURIComponent(encoded)
  } catch {
    return null
  }
  if (path.split('/').some((part) => part === '' || part === '.' || part === '..') || path.includes('\\')) return null
  if (!site.staticFiles?.includes(path)) return null
  try {
    const root = realpathSync(site.siteDir)
    const real = realpathSync(join(site.siteDir, path))
    const inside = relative(root, real)
    if (!isInside(root, real) || inside.split(sep).some((part) => part.startsWith('_') || part.startsWith('.'))) return null
    return real
  } catch {
    return null
  }
}
