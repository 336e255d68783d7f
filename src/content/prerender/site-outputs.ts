/**
 * Every file a site folder adds to `dist/` (SITE_DIR): its pages at their permalinks, its redirect
 * pages, its static files and the copies of the Atom feed at the site's old feed addresses. Each is
 * named by the file it comes from, so that output-plan.ts can claim it beside the posts' files and say
 * which two sources want one file.
 */
import type { JekyllSite } from '../site/jekyll-site.ts'
import type { LoadedPage } from '../post/load-page.ts'
import type { SiteRedirect } from '../site/redirects.ts'
import type { Problem } from '../post/problem.ts'
import { OutputPathError, unsafeSegmentReason } from './output-paths.ts'

export type SiteOutput =
  | { kind: 'page'; file: string; claimant: string; source: string; page: LoadedPage }
  | { kind: 'redirect'; file: string; claimant: string; source: string; redirect: SiteRedirect }
  | { kind: 'static'; file: string; claimant: string; source: string; from: string }
  | { kind: 'feed'; file: string; claimant: string; source: string }

/**
 * A site URL (decoded or not, base path left out) -> its file under `dist/`, as Jekyll writes it: a
 * path ending in `/` or without an extension is a folder with an `index.html`, `/atom.xml` is that file.
 * Throws OutputPathError when a part of it cannot be a name under `dist/` (`..`, a control character).
 */
export function siteUrlFile(url: string): string {
  let path: string
  try {
    path = decodeURIComponent(url).replace(/^\/+/, '')
  } catch {
    throw new OutputPathError(`The path ${JSON.stringify(url)} cannot be a file under dist/: it has a % not followed by two hex digits`)
  }
  const file = path === '' || path.endsWith('/') ? `${path}index.html` : /\.[a-z0-9]+$/i.test(path) ? path : `${path}/index.html`
  for (const segment of file.split('/')) {
    const reason = unsafeSegmentReason(segment)
    if (reason) throw new OutputPathError(`The path ${JSON.stringify(url)} cannot be a file under dist/: its part ${JSON.stringify(segment)} ${reason}`)
  }
  return file
}

/**
 * What the site folder writes, in the order it is claimed: pages, then redirects, feed copies and static
 * files (of two site files wanting one place, the page is kept). `shown` names a file of the site folder
 * as messages do. A URL that cannot be a file is a warning, and its output is left out.
 */
export function siteOutputs(site: Pick<JekyllSite, 'siteDir' | 'staticFiles' | 'feedUrls'>, pages: LoadedPage[], redirects: SiteRedirect[], shown: (relative: string) => string): { outputs: SiteOutput[]; problems: Problem[] } {
  const outputs: SiteOutput[] = []
  const problems: Problem[] = []
  const add = (source: string, make: () => SiteOutput) => {
    try {
      outputs.push(make())
    } catch (error) {
      if (!(error instanceof OutputPathError)) throw error
      problems.push({ file: source, line: null, column: null, reason: `${error.message}; it is not published. Fix its \`permalink:\` or \`redirect_from:\``, fatal: false })
    }
  }
  for (const page of pages) add(page.file, () => ({ kind: 'page', file: siteUrlFile(page.url), claimant: `${page.file} (permalink: ${page.url})`, source: page.file, page }))
  for (const redirect of redirects) {
    const source = redirect.path.startsWith('/') ? redirect.path : shown(redirect.path)
    add(source, () => ({ kind: 'redirect', file: siteUrlFile(redirect.from), claimant: `the redirect from ${redirect.from} of ${source}`, source, redirect }))
  }
  for (const url of (site.feedUrls ?? []).filter((url) => url !== '/feed.xml')) {
    add(url, () => ({ kind: 'feed', file: siteUrlFile(url), claimant: `the copy of the Atom feed at the site's old feed address ${url}`, source: url }))
  }
  if (site.siteDir) {
    for (const file of site.staticFiles ?? []) {
      const source = shown(file)
      add(source, () => {
        const reason = file.split('/').map(unsafeSegmentReason).find((each) => each !== null)
        if (reason) throw new OutputPathError(`The static file ${JSON.stringify(file)} cannot be a file under dist/: a part of its path ${reason}`)
        return { kind: 'static', file, claimant: `the static file ${source}`, source, from: file }
      })
    }
  }
  return { outputs, problems }
}
