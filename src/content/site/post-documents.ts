/**
 * One file of `_posts` (or `_drafts`) -> its SiteDocument: slug, date, categories and the URL it had on
 * the Jekyll site, by Jekyll's rules. `folderCategories`: the folders above a `_posts` below the site's
 * root (`blog/_posts/`), which Jekyll puts before the front matter's categories. With a posts folder alone, a `layout: page` file is a page, and
 * undated files stay posts (the app has always published them).
 */
import type { SiteDocument } from './jekyll-site.ts'
import type { PostInSite } from '../post/load-post.ts'
import { dateParts, rubyTime, siteTimeZone } from './site-time.ts'
import type { SiteReadingContext } from './read-site.ts'
import { parsePostFileName, slugifyPretty } from '../post/file-name.ts'
import { expandPermalink } from '../post/permalink.ts'
import { readFrontMatterLeniently, redirectSources, withDefaults, wordList } from './document-facts.ts'
import { documentUrl } from './site-permalink.ts'
import { appPageAt } from './app-urls.ts'
import { pageUrl } from './site-permalink.ts'

export function postDocument(context: SiteReadingContext, file: string, path: string, type: 'posts' | 'drafts', folderCategories: string[] = []): SiteDocument | null {
  const { config, siteDir, warnings, shown } = context
  const source = context.read(file)
  const frontMatter = withDefaults(readFrontMatterLeniently(source), config.defaults, path, type)
  if (frontMatter.published === false) return null
  const name = parsePostFileName(file)

  if (!siteDir && frontMatter.layout === 'page') {
    const own = typeof frontMatter.permalink === 'string' ? frontMatter.permalink : null
    const url = pageUrl(path.replace(/^_posts\//, ''), own, 'pretty')
    const app = appPageAt(url)
    if (app) {
      warnings.push(`${shown(file)}: not published at ${url}, which is ${app} of the app. Give the page another \`permalink:\``)
      return null
    }
    return { kind: 'page', path, url, slug: name.slug, title: text(frontMatter.title) ?? name.slug, date: null, tags: [], categories: [], frontMatter, file, ...redirects(frontMatter) }
  }
  if (siteDir && type === 'posts' && !name.date) {
    warnings.push(`${shown(file)}: not published: Jekyll publishes a file of _posts only when its name starts with its date. Rename it YYYY-MM-DD-${name.slug}.md, or move it out of _posts to make it a page`)
    return null
  }

  const slugText = text(frontMatter.slug) ?? file.replace(/^.*[\\/]/, '').replace(/\.(md|markdown|html?)$/i, '').replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '')
  const slug = text(frontMatter.slug) ? slugifyPretty(slugText) : name.slug
  // A posts folder alone keeps the author's day: its posts' own addresses (permalink.ts) use it.
  const timeZone = siteDir ? siteTimeZone(config) : null
  const when = dateParts(frontMatter.date, timeZone) ?? (name.date ? dateParts(name.date, timeZone) : null)
  // As `jekyll build` without `future: true`: a post dated after today waits for its day.
  if (siteDir && config.future !== true && when && when.date > new Date().toISOString().slice(0, 10)) {
    warnings.push(`${shown(file)}: not published yet: it is dated ${when.date}, and _config.yml does not say \`future: true\``)
    return null
  }
  const categories = [...new Set([...folderCategories, ...wordList(frontMatter.categories), ...wordList(frontMatter.category)])]
  const blogUrl = `/blog/${encodeURIComponent(slug)}/`
  // An undated draft would get its file's time in Jekyll, which says nothing of where it will live.
  const jekyllUrl = siteDir ? when && siteUrl(config, frontMatter, { title: slugText, date: when?.date ?? null, ...(when?.time ? { time: when.time } : {}), categories }) : ownPermalink(frontMatter, slug, when?.date ?? null)
  let url = blogUrl
  if (jekyllUrl && jekyllUrl.replace(/\/$/, '') !== blogUrl.replace(/\/$/, '')) {
    // The same rule as a post's own `permalink:` has always had (post/permalink.ts): no address, no app page.
    const checked = expandPermalink(jekyllUrl, { slug, date: when?.date ?? null })
    if (checked) url = checked
    else warnings.push(`${shown(file)}: its Jekyll URL ${jekyllUrl} is taken by the app; the post is published at ${blogUrl}`)
  }
  return {
    kind: 'post',
    path,
    url,
    slug,
    title: text(frontMatter.title) ?? slug,
    date: when?.date ?? null,
    ...(when && siteDir ? { timestamp: rubyTime(when) } : {}),
    tags: wordList(frontMatter.tags),
    categories,
    frontMatter,
    file,
    ...redirects(frontMatter),
  }
}

/** What rendering a post of the site needs of it: its Jekyll URL (unless it is the app's), path and date. */
export function postInSite(document: SiteDocument): PostInSite {
  return {
    permalink: document.url === `/blog/${encodeURIComponent(document.slug)}/` ? null : document.url,
    path: document.path,
    ...(document.timestamp ? { timestamp: document.timestamp } : {}),
  }
}

/** `_config.yml`'s `collections.posts.permalink` wins over its `permalink`, the post's own over both. */
function siteUrl(config: Record<string, unknown>, frontMatter: Record<string, unknown>, facts: Parameters<typeof documentUrl>[1]): string {
  const collections = config.collections as Record<string, { permalink?: unknown } | undefined> | undefined
  const template = text(frontMatter.permalink) ?? text(collections?.posts?.permalink) ?? (typeof config.permalink === 'string' ? config.permalink : 'date')
  return documentUrl(template, facts)
}

function ownPermalink(frontMatter: Record<string, unknown>, slug: string, date: string | null): string | null {
  const own = text(frontMatter.permalink)
  return own ? expandPermalink(own, { slug, date }) : null
}

export function redirects(frontMatter: Record<string, unknown>): Pick<SiteDocument, 'redirectFrom' | 'redirectTo'> {
  const from = redirectSources(frontMatter.redirect_from)
  const to = text(frontMatter.redirect_to)
  return { ...(from.length ? { redirectFrom: from } : {}), ...(to ? { redirectTo: to } : {}) }
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : null
}
