/**
 * A small page that sends its reader on (jekyll-redirect-from's page: meta refresh, canonical link, a
 * link to follow by hand): what `redirect_from:`, `redirect_to:` and a post's second URL become. No
 * app, no data: it is never a second copy of a page. The script keeps the URL's `#fragment`.
 */
import { escapeHtml } from './page-head.ts'
import { pageLanguage, type PageLanguage } from './page-language.ts'

/** `target`: an address (`https://...`) or a path already carrying the base path. `canonical`: absolute. */
export function redirectPage(target: string, canonical: string, language: PageLanguage = pageLanguage('en')): string {
  const to = escapeHtml(target)
  return `<!doctype html>
<html ${language.htmlAttributes}>
  <head>
    <meta charset="utf-8">
    <title>${escapeHtml(language.t.redirect.redirecting)}</title>
    <link rel="canonical" href="${escapeHtml(canonical)}">
    <meta http-equiv="refresh" content="0; url=${to}">
    <meta name="robots" content="noindex">
    <script>location.replace(${JSON.stringify(target).replace(/</g, '\\u003c')} + location.hash)</script>
  </head>
  <body>
    <h1>${escapeHtml(language.t.redirect.redirecting)}</h1>
    <p><a href="${to}">${escapeHtml(language.t.redirect.followLink)}</a></p>
  </body>
</html>
`
}
