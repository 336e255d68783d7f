/**
 * A site's pages and its collections' documents -> SiteDocuments at their Jekyll URLs. The app renders
 * markdown and HTML pages; a page of another kind (`search.json`, `feed.xml`: the app makes its own) is
 * left out with a warning, as is a page claiming a URL the app's own pages answer at.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { SiteDocument } from './jekyll-site.ts'
import type { SiteReadingContext } from './read-site.ts'
import { readFrontMatterLeniently, withDefaults, wordList } from './document-facts.ts'
import { documentUrl, pageUrl } from './site-permalink.ts'
import { appPageAt, appPathFor } from './app-urls.ts'
import { redirects, text } from './post-documents.ts'
import { slugifyPretty } from '../post/file-name.ts'
import { formatProblem } from '../post/problem.ts'
import { walkFolder } from './safe-walk.ts'

const RENDERED = /\.(md|markdown|html?)$/i
/** A feed template of the site (jekyll-feed writes feed.xml; themes write atom.xml or rss.xml). */
const FEED = /(^|[\\/])(atom|feed|rss)\.xml$/i

/** A page of the site folder (`about.md`, `pages/cv.md`), by its path relative to the folder. */
export function pageDocument(context: SiteReadingContext, path: string): SiteDocument | null {
  const file = join(context.siteDir!, path)
  const frontMatter = withDefaults(readFrontMatterLeniently(context.read(file)), context.config.defaults, path, 'pages')
  if (frontMatter.published === false) return null
  const url = pageUrl(path, text(frontMatter.permalink), typeof context.config.permalink === 'string' ? context.config.permalink : 'date')
  return publishable(context, file, url) ? document(path, url, frontMatter, file) : null
}

/** Every document of each collection with `output: true` (`_projects/`), at its collection's permalink. */
export function collectionDocuments(context: SiteReadingContext): SiteDocument[] {
  const collections = context.config.collections
  if (!collections || typeof collections !== 'object' || Array.isArray(collections)) return []
  const root = join(context.siteDir!, text(context.config.collections_dir) ?? '')
  const documents: SiteDocument[] = []
  for (const [name, settings] of Object.entries(collections as Record<string, unknown>)) {
    if (name === 'posts' || !settings || typeof settings !== 'object') continue
    const { output, permalink } = settings as { output?: unknown; permalink?: unknown }
    const folder = join(root, `_${name}`)
    if (output !== true || !existsSync(folder)) continue
    // A document linked in from outside the site folder (or a collections_dir of `../..`) is not read.
    const walked = walkFolder(folder, { root: context.siteDir!, rootName: 'the site folder', show: context.shown, skip: (entry) => entry.startsWith('.') })
    context.warnings.push(...walked.problems.map(formatProblem))
    for (const { relative: inside, path: file } of walked.files) {
      const path = `_${name}/${inside}`
      const source = context.read(file)
      // A collection's file without front matter is a static file in Jekyll; the app leaves it out.
      if (!/^\uFEFF?---[ \t]*\r?\n/.test(source)) continue
      const frontMatter = withDefaults(readFrontMatterLeniently(source), context.config.defaults, path, name)
      if (frontMatter.published === false) continue
      const stem = inside.replace(/\.[^./]+$/, '')
      const url = documentUrl(text(frontMatter.permalink) ?? text(permalink) ?? '/:collection/:path:output_ext', {
        title: stem.replace(/^.*\//, ''),
        date: null,
        categories: wordList(frontMatter.categories),
        collection: name,
        path: stem,
      })
      if (publishable(context, file, url)) documents.push({ ...document(path, url, frontMatter, file), collection: name })
    }
  }
  return documents
}

function publishable(context: SiteReadingContext, file: string, url: string): boolean {
  if (FEED.test(file)) {
    // Feed readers keep polling the old address: it answers with the app's own Atom feed.
    context.feedUrls.push(url)
    context.warnings.push(`${context.shown(file)}: the app's Atom feed (feed.xml) is written at ${url} in its place`)
    return false
  }
  if (!RENDERED.test(file)) {
    context.warnings.push(`${context.shown(file)}: not published at ${url}: the app publishes markdown and HTML pages, and makes its own search index, feeds and sitemap`)
    return false
  }
  const app = appPageAt(url)
  if (app && appPathFor(url)) context.appRedirects.push({ from: url, to: appPathFor(url)! })
  if (app) {
    context.warnings.push(`${context.shown(file)}: not published at ${url}, which is ${app} of the app; the app's page is served there. Give this page another \`permalink:\` to keep it`)
    return false
  }
  return true
}

function document(path: string, url: string, frontMatter: Record<string, unknown>, file: string): SiteDocument {
  const stem = path.replace(/^.*\//, '').replace(/\.[^.]*$/, '')
  return {
    kind: 'page',
    path,
    url,
    slug: slugifyPretty(stem),
    title: text(frontMatter.title) ?? text(frontMatter.name) ?? stem,
    date: null,
    tags: wordList(frontMatter.tags),
    categories: wordList(frontMatter.categories),
    frontMatter,
    file,
    ...redirects(frontMatter),
  }
}
