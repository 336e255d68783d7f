/**
 * A prerendered page's `<head>` tags: title, description, canonical URL, Open Graph, Twitter card,
 * JSON-LD `BlogPosting` for posts, and the feeds. What link previews read, since they run no script.
 */
import type { PostSummary } from '../../shared/post-data.ts'
import type { SiteSettings } from '../../site-settings.ts'

export interface HeadInput {
  title: string
  description: string
  /** The page's path under the base path: `/`, `/blog/learn-react/`. */
  path: string
  post?: PostSummary
  /** The link-preview image, when the page has its own (a generated card). */
  image?: string
  noindex?: boolean
}

export function absoluteUrl(settings: SiteSettings, path: string): string {
  if (/^https?:\/\//i.test(path)) return path
  return `${settings.siteUrl}${settings.basePath}${path.replace(/^\//, '')}`
}

export function renderHead(input: HeadInput, settings: SiteSettings): string {
  const { post } = input
  const url = absoluteUrl(settings, input.path)
  const image = input.image ?? post?.image ?? settings.defaultImage
  const tags: string[] = [
    `<title>${escapeHtml(input.title)}</title>`,
    meta('name', 'description', input.description),
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    meta('property', 'og:type', post ? 'article' : 'website'),
    meta('property', 'og:title', post?.title ?? input.title),
    meta('property', 'og:description', input.description),
    meta('property', 'og:url', url),
    ...(image ? [meta('property', 'og:image', absoluteUrl(settings, image))] : []),
    meta('property', 'og:site_name', settings.title),
    ...(post?.date ? [meta('property', 'article:published_time', post.date)] : []),
    ...(post?.tags.map((tag) => meta('property', 'article:tag', tag.name)) ?? []),
    // X reads og:title, og:description and og:image where its own tags are missing: only the card's kind
    // is its own (the three copies were ~350 bytes a page, 0.4 MB of a 1,000-post site).
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(settings.title)}" href="${settings.basePath}feed.xml">`,
    `<link rel="alternate" type="application/feed+json" title="${escapeHtml(settings.title)}" href="${settings.basePath}feed.json">`,
    ...(input.noindex ? [meta('name', 'robots', 'noindex')] : []),
  ]
  if (post) tags.push(jsonLd(blogPosting(post, url, image ? absoluteUrl(settings, image) : null, settings)))
  return tags.join('\n    ')
}

/**
 * The head of a page that only unfurls and moves on (a shared quote's or highlight's page): the tags link
 * previews read, and nothing a reader's browser would load. Twitter falls back to the Open Graph tags,
 * and chat apps read `og:description` before a `description`, which is left out: the page is only passed
 * through (search engines take its refresh as a redirect), and a blog has several of these a post, each
 * with the passage's sentence already twice (its `og:description` and its text).
 */
export function renderPreviewHead(input: Required<Pick<HeadInput, 'title' | 'description' | 'path' | 'post'>> & Pick<HeadInput, 'image'>, settings: SiteSettings): string {
  const url = absoluteUrl(settings, input.path)
  const image = input.image ?? input.post.image ?? settings.defaultImage
  return [
    `<title>${escapeHtml(input.title)}</title>`,
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    meta('property', 'og:type', 'article'),
    meta('property', 'og:title', input.post.title),
    meta('property', 'og:description', input.description),
    meta('property', 'og:url', url),
    ...(image ? [meta('property', 'og:image', absoluteUrl(settings, image))] : []),
    meta('property', 'og:site_name', settings.title),
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
  ].join('\n')
}

function blogPosting(post: PostSummary, url: string, image: string | null, settings: SiteSettings) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.excerpt,
    url,
    mainEntityOfPage: url,
    ...(post.date ? { datePublished: post.date } : {}),
    ...(image ? { image } : {}),
    author: { '@type': 'Person', name: settings.author },
    publisher: { '@type': 'Organization', name: settings.title },
    keywords: post.tags.map((tag) => tag.name).join(', '),
    wordCount: post.wordCount,
  }
}

function meta(attribute: 'name' | 'property', key: string, content: string): string {
  return `<meta ${attribute}="${key}" content="${escapeHtml(content)}">`
}

function jsonLd(value: unknown): string {
  // `<` escaped so no text in a post can close the script element.
  return `<script type="application/ld+json">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * The template's `<noscript>` notice ("This blog needs JavaScript to show its posts") is for the bare
 * page the dev server starts from; a prerendered page shows its content without JavaScript, and the
 * notice under it would tell the reader otherwise.
 */
export function withoutNoScriptNotice(template: string): string {
  return template.replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '')
}
