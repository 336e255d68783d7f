/**
 * Liquid's `site` and `page` as Jekyll fills them, from a `JekyllSite`: `site.*` is `_config.yml` with
 * `site.data`, `site.posts` (newest first), `site.pages`, `site.tags` and `site.categories` added; a
 * document is its front matter with `url`, `date`, `title`, `tags`, `slug` and `path` set.
 */
import { Drop } from 'liquidjs'
import type { JekyllSite, SiteDocument } from '../site/jekyll-site.ts'

export type LiquidDocument = Record<string, unknown>

export function documentVariables(document: SiteDocument): LiquidDocument {
  return {
    ...document.frontMatter,
    title: document.title,
    // Jekyll's `page.url` has no base path: authors write `{{ page.url | relative_url }}`.
    url: document.url,
    // Jekyll's Time, printed as Ruby does (`2016-05-20 15:30:00 -0400`): date filters keep its offset.
    date: document.timestamp ?? document.date,
    tags: document.tags,
    categories: document.categories,
    slug: document.slug,
    path: document.path,
    id: document.url.replace(/\/$/, ''),
  }
}

/** `site` for every post of the site: made once per engine, shared read-only by every render. */
export function siteVariables(site: JekyllSite): Record<string, unknown> {
  const posts = site.documents.filter((document) => document.kind === 'post').map((document) => documentVariables(document))
  const pages = site.documents.filter((document) => document.kind === 'page').map((document) => documentVariables(document))
  return {
    ...site.config,
    url: site.siteUrl,
    // Jekyll's `baseurl` has no trailing slash: `{{ site.baseurl }}/about` must not become `//about`.
    baseurl: site.basePath.replace(/\/$/, ''),
    data: site.data,
    posts,
    pages,
    html_pages: pages,
    documents: [...posts, ...pages],
    tags: groupBy(posts, 'tags'),
    categories: groupBy(posts, 'categories'),
    time: new Date().toISOString(),
    ...collectionVariables(site),
  }
}

/**
 * A collection with `output: true` is `site.<name>` (`site.projects`), its documents in path order as
 * Jekyll sorts them. Printed whole (`{{ project }}`) Jekyll gives the document's rendered page, which a
 * post cannot have here: it prints nothing rather than `[object Object]`.
 */
function collectionVariables(site: JekyllSite): Record<string, CollectionDocument[]> {
  const collections: Record<string, CollectionDocument[]> = {}
  for (const document of [...site.documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (!document.collection || document.collection === 'posts' || document.collection in site.config) continue
    ;(collections[document.collection] ??= []).push(new CollectionDocument(documentVariables(document)))
  }
  return collections
}

class CollectionDocument extends Drop {
  constructor(variables: LiquidDocument) {
    super()
    Object.assign(this, variables)
  }

  override valueOf(): string {
    return ''
  }
}

function groupBy(posts: LiquidDocument[], key: 'tags' | 'categories'): Record<string, LiquidDocument[]> {
  const groups: Record<string, LiquidDocument[]> = {}
  for (const post of posts) {
    for (const name of (post[key] as string[] | undefined) ?? []) (groups[name] ??= []).push(post)
  }
  return groups
}
