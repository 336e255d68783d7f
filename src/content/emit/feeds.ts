/**
 * The files static hosts and feed readers expect: an Atom feed at `/feed.xml` (where jekyll-feed put
 * it, so subscribers keep working), a JSON Feed at `/feed.json`, `sitemap.xml` and `robots.txt`.
 * Feeds carry the full post content, with URLs made absolute.
 */
import { toHtml } from 'hast-util-to-html'
import type { Root } from 'hast'
import { visit } from 'unist-util-visit'
import type { PostData } from '../../shared/post-data.ts'
import type { SiteSettings } from '../../site-settings.ts'
import { absoluteUrl } from '../prerender/page-head.ts'

export const FEED_SIZE = 50

/** What a feed entry needs of a post. */
export type FeedPost = Pick<PostData, 'summary' | 'body'>

export function postPath(post: PostData['summary']): string {
  return post.permalink ?? `/blog/${post.slug}/`
}

/** Post HTML for a reader that knows nothing of this site: every local URL absolute. */
export function feedHtml(body: Root, settings: SiteSettings): string {
  const tree = structuredClone(body)
  visit(tree, 'element', (node) => {
    for (const key of ['href', 'src'] as const) {
      const value = node.properties[key]
      if (typeof value === 'string' && value.startsWith('/')) node.properties[key] = `${settings.siteUrl}${value}`
    }
  })
  return toHtml(tree)
}

export function atomFeed(posts: FeedPost[], settings: SiteSettings): string {
  const home = absoluteUrl(settings, '/')
  const entries = posts.slice(0, FEED_SIZE).map((post) => {
    const { summary } = post
    const url = absoluteUrl(settings, postPath(summary))
    const updated = summary.date ? `${summary.date}T00:00:00Z` : undefined
    return [
      // A post in its own language (`lang:` front matter) says so; the others read the feed's.
      summary.lang ? `  <entry xml:lang="${xml(summary.lang)}">` : '  <entry>',
      `    <title>${xml(summary.title)}</title>`,
      `    <link href="${xml(summary.externalUrl ?? url)}" rel="alternate" type="text/html"/>`,
      `    <id>${xml(url)}</id>`,
      `    <updated>${updated ?? latest(posts)}</updated>`,
      ...(updated ? [`    <published>${updated}</published>`] : []),
      `    <author><name>${xml(settings.author)}</name></author>`,
      `    <summary type="text">${xml(summary.excerpt)}</summary>`,
      ...summary.tags.map((tag) => `    <category term="${xml(tag.name)}"/>`),
      `    <content type="html">${xml(feedHtml(post.body, settings))}</content>`,
      '  </entry>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${xml(home)}" xml:lang="${xml(settings.lang)}">`,
    `  <title>${xml(settings.title)}</title>`,
    `  <subtitle>${xml(settings.description)}</subtitle>`,
    `  <link href="${xml(absoluteUrl(settings, '/feed.xml'))}" rel="self" type="application/atom+xml"/>`,
    `  <link href="${xml(home)}" rel="alternate" type="text/html"/>`,
    `  <id>${xml(home)}</id>`,
    `  <updated>${latest(posts)}</updated>`,
    `  <author><name>${xml(settings.author)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}

export function jsonFeed(posts: FeedPost[], settings: SiteSettings): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: settings.title,
    description: settings.description,
    home_page_url: absoluteUrl(settings, '/'),
    feed_url: absoluteUrl(settings, '/feed.json'),
    language: settings.lang,
    authors: [{ name: settings.author }],
    items: posts.slice(0, FEED_SIZE).map(({ summary, body }) => ({
      id: absoluteUrl(settings, postPath(summary)),
      url: absoluteUrl(settings, postPath(summary)),
      ...(summary.externalUrl ? { external_url: summary.externalUrl } : {}),
      title: summary.title,
      ...(summary.lang ? { language: summary.lang } : {}),
      content_html: feedHtml(body, settings),
      summary: summary.excerpt,
      ...(summary.date ? { date_published: `${summary.date}T00:00:00Z` } : {}),
      ...(summary.image ? { image: absoluteUrl(settings, summary.image) } : {}),
      tags: summary.tags.map((tag) => tag.name),
    })),
  }, null, 2)
}

export function sitemap(paths: Array<{ path: string; date?: string | null }>, settings: SiteSettings): string {
  const urls = paths.map(
    ({ path, date }) => `  <url><loc>${xml(absoluteUrl(settings, path))}</loc>${date ? `<lastmod>${date}</lastmod>` : ''}</url>`,
  )
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n')
}

export function robotsTxt(settings: SiteSettings): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(settings, '/sitemap.xml')}\n`
}

function latest(posts: FeedPost[]): string {
  const dates = posts.map((post) => post.summary.date).filter((date): date is string => date !== null).sort()
  return `${dates.at(-1) ?? '1970-01-01'}T00:00:00Z`
}

/**
 * Text for an XML document. Characters XML 1.0 cannot hold at all, even escaped (control characters
 * but tab and newlines, lone surrogates, U+FFFE/U+FFFF), are dropped: one in a post made the whole feed
 * invalid, and readers refuse an invalid feed.
 */
export function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
