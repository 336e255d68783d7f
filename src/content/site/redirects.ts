/**
 * The redirect pages a site asks for: each `redirect_from:` path of a document sends its reader to the
 * document, and a document with `redirect_to:` is only a redirect (jekyll-redirect-from's two keys).
 * A path a document is published at is never overwritten by a redirect; such a clash is a warning.
 */
import type { JekyllSite } from './jekyll-site.ts'
import { permalinkKey } from '../../shared/permalink-key.ts'
import { appPageAt } from './app-urls.ts'

export interface SiteRedirect {
  /** The old path, base path left out: `/old/first-light/`. */
  from: string
  /** An address (`https://...`) or a path of this site, base path left out. */
  to: string
  /** The document that asked for it, as messages name it. */
  path: string
}

// No backslash: browsers read `/\\evil.example` as `//evil.example`, an address on another site.
const SAFE_TARGET = /^(https?:\/\/[^\s\\<>"]+|\/(?![/\\])[^\s\\]*)$/i
const PLAIN_PATH = /^\/(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^?#\s]*$/

export function siteRedirects(site: Pick<JekyllSite, 'documents' | 'appRedirects'>): { redirects: SiteRedirect[]; warnings: string[] } {
  const published = new Set(site.documents.filter((document) => !document.redirectTo).map((document) => permalinkKey(document.url)))
  const redirects: SiteRedirect[] = []
  const warnings: string[] = []
  const taken = new Set<string>()
  const add = (from: string, to: string, path: string) => {
    // Post content is untrusted: a redirect goes to a web address or a path of this site, never to a
    // `javascript:` URL, and comes from a plain path.
    if (!SAFE_TARGET.test(to)) {
      warnings.push(`${path}: no redirect to ${to}: a redirect goes to an http(s) address or a path of this site. Fix \`redirect_to:\``)
      return
    }
    if (!PLAIN_PATH.test(from)) {
      warnings.push(`${path}: no redirect from ${from}: not a path of this site (no address, query or \`..\`). Fix \`redirect_from:\``)
      return
    }
    const key = permalinkKey(from)
    const owner = appPageAt(from) ?? (published.has(key) ? 'a page of the site' : taken.has(key) ? 'another redirect' : null)
    if (owner) warnings.push(`${path}: no redirect from ${from}: it is ${owner}. Remove it from \`redirect_from:\``)
    else {
      taken.add(key)
      redirects.push({ from, to, path })
    }
  }
  for (const document of site.documents) {
    const target = document.redirectTo ?? document.url
    for (const from of document.redirectFrom ?? []) add(from.startsWith('/') ? from : `/${from}`, target, document.path)
    if (document.redirectTo) add(document.url, document.redirectTo, document.path)
  }
  // The app has no page of its own there (`/blog/`): old links are sent to where it shows the same.
  for (const { from, to } of site.appRedirects ?? []) {
    if (!taken.has(permalinkKey(from))) redirects.push({ from, to, path: from })
  }
  return { redirects, warnings }
}
