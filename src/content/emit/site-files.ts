/** Feeds, sitemap and robots.txt for a collection, by file name under `dist/`. */
import type { Root } from 'hast'
import type { Collection } from '../site/collection.ts'
import type { SiteSettings } from '../../site-settings.ts'
import { countTags } from '../../shared/list-filter.ts'
import { buildArchive } from './archive-data.ts'
import { bodyJson } from '../build/body-files.ts'
import { atomFeed, FEED_SIZE, jsonFeed, postPath, robotsTxt, sitemap } from './feeds.ts'

/** `sitePages`: the paths of the site's own pages (`/about/`), in the sitemap with the posts. */
export function siteFiles(collection: Collection, settings: SiteSettings, sitePages: string[] = []): Map<string, string> {
  // Only the newest posts are in the feeds, and only their bodies are parsed again.
  const posts = collection.index.posts.slice(0, FEED_SIZE).map((summary) => ({ summary, body: JSON.parse(bodyJson(collection.posts.get(summary.slug)!.post.body)) as Root }))
  const pages = [
    { path: '/' },
    { path: '/blog/tags/' },
    ...countTags(collection.index.posts).map(({ tag }) => ({ path: `/blog/tags/${encodeURIComponent(tag.key)}/` })),
    ...collection.index.posts.filter((post) => !post.externalUrl).map((post) => ({ path: postPath(post), date: post.date })),
    ...sitePages.map((path) => ({ path })),
    { path: '/blog/archive/' },
    ...buildArchive(collection.index.posts).years.map(({ year }) => ({ path: `/blog/archive/${year}/` })),
    ...[...collection.series.keys()].map((key) => ({ path: `/blog/series/${encodeURIComponent(key)}/` })),
  ]
  return new Map([
    ['feed.xml', atomFeed(posts, settings)],
    ['feed.json', jsonFeed(posts, settings)],
    ['sitemap.xml', sitemap(pages, settings)],
    ['robots.txt', robotsTxt(settings)],
  ])
}
