/**
 * The HTML of the site's own pages (`about.md` at `/about/`, `pages/cv.md` at `/cv/`) and its redirects
 * (written by write-site-outputs.ts).
 * A page is the app's frame (its stylesheet, header and footer) around a simple page view: the title
 * and the sanitized body, no tags, dates or quote cards. It runs no app code: the app has no route
 * for it, and needs none to show a page of text.
 */
import { toHtml } from 'hast-util-to-html'
import type { LoadedPage } from '../post/load-page.ts'
import type { SiteSettings } from '../../site-settings.ts'
import { absoluteUrl, escapeHtml, renderHead, withoutNoScriptNotice } from './page-head.ts'
import { redirectPage } from './redirect-page.ts'
import { pageLanguage } from './page-language.ts'

/** The page's whole HTML, from the built `index.html` (its stylesheet kept, its scripts taken out). */
export function sitePageHtml(template: string, page: LoadedPage, settings: SiteSettings): string {
  const head = renderHead({ title: `${page.title} · ${settings.title}`, description: page.description || settings.description, path: page.url }, settings)
  const home = escapeHtml(settings.basePath)
  const language = pageLanguage(settings.lang)
  const { layout } = language.t
  // The app's header links (root-layout.tsx); its theme and reading controls need the app, which a
  // site page does not run: the reader's choices still apply (the template's head script reads them).
  const body = [
    `<a class="skip-link" href="#main">${escapeHtml(layout.skipToContent)}</a>`,
    `<header class="site-header"><a class="site-title" href="${home}">${escapeHtml(settings.title)}</a><nav aria-label="${escapeHtml(layout.siteNavigation)}"><ul><li><a href="${home}">${escapeHtml(layout.posts)}</a></li><li><a href="${home}blog/tags/">${escapeHtml(layout.tags)}</a></li><li><a href="${home}blog/archive/">${escapeHtml(layout.archive)}</a></li></ul></nav></header>`,
    `<main id="main" class="site-main"><article class="page"><h1>${escapeHtml(page.title)}</h1><div class="post-body">${toHtml(page.body)}</div></article></main>`,
    `<footer class="site-footer"><p>${escapeHtml(settings.title)}</p></footer>`,
  ].join('')
  return withoutNoScriptNotice(template)
    // The dev server's template says `lang="en"`; the built one has the site's language already.
    .replace(/<html[^>]*>/, () => `<html ${language.htmlAttributes}>`)
    .replace(/<title>[\s\S]*?<\/title>\s*/, '')
    .replace(/<meta name="description"[^>]*>\s*/, '')
    .replace(/\s*<script type="module"[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
    // Functions, not strings: a `$&` or `$'` in a page's title must stay text, not a replacement pattern.
    .replace('</head>', () => `  ${head}\n  </head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${body}</div>`)
}

/** A redirect to a path of this site or an address elsewhere. */
export function redirectHtml(to: string, settings: SiteSettings): string {
  const external = /^[a-z][a-z\d+.-]*:|^\/\//i.test(to)
  const target = external ? to : `${settings.basePath}${to.replace(/^\//, '')}`
  return redirectPage(target, external ? to : absoluteUrl(settings, to), pageLanguage(settings.lang))
}
