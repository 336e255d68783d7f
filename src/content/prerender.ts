/**
 * Writes one static HTML page per route after the client build: the list, the tags page, one page
 * per tag, one per post (and at its own permalink), and `404.html`. Each is rendered by the app's own
 * components (`src/app/server-entry.tsx`) with its data inlined, so it reads with JavaScript off and
 * the browser takes over without fetching it again.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { DehydratedState } from '@tanstack/react-query'
import type { PostData, PostIndex } from '../shared/post-data.ts'
import type { SiteSettings } from '../site-settings.ts'
import type { PageFacts } from '../shared/page-facts.ts'
import { listHref, NO_FILTER } from '../shared/list-filter.ts'
import { listKeys } from '../shared/list-data.ts'
import { buildListData, staticViews } from './list-data.ts'
import { escapeHtml, renderHead } from './page-head.ts'
import { postPath } from './feeds.ts'
import { renderCard } from './cards.ts'
import { visit } from 'unist-util-visit'
import { toString } from 'hast-util-to-string'

type QueryData = Array<[readonly unknown[], unknown]>
export type RenderPage = (url: string, basename: string, data: QueryData) => Promise<{ html: string; facts: PageFacts | null; state: DehydratedState }>

export interface PrerenderInput {
  outDir: string
  template: string
  settings: SiteSettings
  index: PostIndex
  posts: Map<string, PostData>
  renderPage: RenderPage
}

interface Page {
  /** The route path (under the base path) the page renders. */
  path: string
  /** Where the file goes, under `outDir`. */
  file: string
  data: QueryData
  /** For post and quote pages: the post, and the quote's id and text. */
  post?: PostData
  passage?: { id: string; text: string }
}

const INDEX_KEY = ['posts', 'index'] as const
const detailKey = (slug: string) => ['posts', 'detail', slug] as const

export function listPages(index: PostIndex, posts: Map<string, PostData>): Page[] {
  const withIndex: QueryData = [[INDEX_KEY, index]]
  // List pages inline the list's head and their own page of cards, never the whole index: every page
  // of the unfiltered list (`/`, `/page/2/`...) and of each tag (`/blog/tags/x/`, `.../page/2/`).
  const list = buildListData(index.posts)
  const head: QueryData[number] = [listKeys.head(), list.head]
  const pages: Page[] = [
    ...staticViews(list).map(({ source, page, view }) => {
      const filter = source.kind === 'all' ? NO_FILTER : { ...NO_FILTER, tags: [source.key] }
      const path = listHref({ filter, page, ...(source.kind === 'tag' ? { tagRoute: source.key } : {}) })
      const data: QueryData = [head, [listKeys.view(list.head.v, source, page), view]]
      return { path, file: `${decodeURIComponent(path).slice(1)}index.html`, data }
    }),
    { path: '/blog/tags/', file: 'blog/tags/index.html', data: [head] },
    { path: '/404', file: '404.html', data: withIndex },
  ]
  for (const [slug, post] of posts) {
    if (post.summary.externalUrl && post.body.children.length === 0) continue
    pages.push({ path: `/blog/${encodeURIComponent(slug)}/`, file: `blog/${slug}/index.html`, data: [[detailKey(slug), post]], post })
    // Every quote and highlight has a page of its own, which unfurls as that passage.
    for (const passage of passagesOf(post)) {
      pages.push({
        path: `/blog/${encodeURIComponent(slug)}/quote/${encodeURIComponent(passage.id)}/`,
        file: `blog/${slug}/quote/${passage.id}/index.html`,
        data: [[detailKey(slug), post]],
        post,
        passage,
      })
    }
    const permalink = post.summary.permalink
    if (permalink) {
      // A permalink page finds its post through the index (its URL names no slug).
      const file = permalink.endsWith('.html') ? permalink.slice(1) : `${permalink.replace(/^\/|\/$/g, '')}/index.html`
      pages.push({ path: permalink, file, data: [[INDEX_KEY, index], [detailKey(slug), post]], post })
    }
  }
  return pages
}

export async function prerender(input: PrerenderInput): Promise<number> {
  const { settings } = input
  const basename = settings.basePath.replace(/\/$/, '') || '/'
  const pages = listPages(input.index, input.posts)
  for (const page of pages) {
    const url = `${basename === '/' ? '' : basename}${page.path}`
    if (page.post && page.passage) {
      // A quote page is its link preview and a pointer to the passage in the post: small, and
      // without a second copy of the post.
      const card = cardFor(page.post, page.passage, settings)!
      writeFile(join(input.outDir, card.file), await card.png())
      writeFile(join(input.outDir, page.file), passagePage(input.template, page.post, page.passage, page.path, card.file, settings))
      continue
    }
    const rendered = await input.renderPage(url, basename, page.data)
    const facts = rendered.facts ?? { title: settings.title, description: settings.description }
    const card = page.post && cardFor(page.post, page.passage, settings)
    if (card) writeFile(join(input.outDir, card.file), await card.png())
    const head = renderHead(
      {
        title: facts.title,
        description: facts.description,
        path: page.passage ? page.path : facts.post ? postPath(facts.post) : page.path,
        ...(facts.post ? { post: facts.post } : {}),
        ...(card ? { image: `/${card.file}` } : {}),
        noindex: facts.status === 404,
      },
      settings,
    )
    writeFile(join(input.outDir, page.file), fillTemplate(input.template, head, rendered.html, { path: url, state: rendered.state }))
  }
  return pages.length
}

/** A post's quotes and highlights that have an id (all of them, see rehype-passage-ids). */
export function passagesOf(post: PostData): Array<{ id: string; text: string }> {
  const passages: Array<{ id: string; text: string }> = []
  visit(post.body, 'element', (node) => {
    if ((node.tagName === 'blockquote' || node.tagName === 'mark') && typeof node.properties.id === 'string') {
      passages.push({ id: node.properties.id, text: toString(node).replace(/\s+/g, ' ').trim() })
    }
  })
  return passages
}

/** The generated card of a quote page, or of a post without an image of its own. */
function cardFor(post: PostData, passage: Page['passage'], settings: SiteSettings) {
  const { summary } = post
  if (!passage && summary.image) return null
  const file = passage ? `cards/${summary.slug}/${passage.id}.png` : `cards/${summary.slug}.png`
  return { file, png: () => renderCard({ siteName: settings.title, title: summary.title, ...(passage ? { quote: passage.text } : {}) }) }
}

/**
 * The page of one quote or highlight: the head a link preview reads (the quote as description, its card
 * as image) and an immediate move to the passage in the post (`/blog/<slug>/#q-...`), which marks it.
 * Works without JavaScript (meta refresh), and with it (no history entry for the hop).
 */
function passagePage(template: string, post: PostData, passage: { id: string; text: string }, path: string, card: string, settings: SiteSettings): string {
  const target = `${settings.basePath}blog/${encodeURIComponent(post.summary.slug)}/#${encodeURIComponent(passage.id)}`
  const head = renderHead(
    { title: `${post.summary.title} · ${settings.title}`, description: `“${passage.text}”`, path, post: post.summary, image: `/${card}` },
    settings,
  )
  const body = `<main id="main" class="site-main"><blockquote class="quote"><p>${escapeHtml(passage.text)}</p></blockquote><p><a href="${escapeHtml(target)}">Read it in “${escapeHtml(post.summary.title)}”</a></p></main>`
  return template
    .replace(/<title>[\s\S]*?<\/title>\s*/, '')
    .replace(/<meta name="description"[^>]*>\s*/, '')
    .replace(/<script type="module"[^>]*><\/script>\s*/g, '')
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
    .replace('</head>', `  ${head}\n    <meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">\n    <script>location.replace(${JSON.stringify(target).replace(/</g, '\\u003c')})</script>\n  </head>`)
    .replace('<div id="root"></div>', `<div id="root">${body}</div>`)
}

function writeFile(path: string, content: string | Uint8Array) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
}

/** The built `index.html` with the page's head, markup and inlined data. */
export function fillTemplate(template: string, head: string, appHtml: string, prerendered: { path: string; state: DehydratedState }): string {
  const data = JSON.stringify(prerendered).replace(/</g, '\\u003c')
  return template
    .replace(/<title>[\s\S]*?<\/title>\s*/, '')
    .replace(/<meta name="description"[^>]*>\s*/, '')
    .replace('</head>', `  ${head}\n  </head>`)
    .replace('<div id="root"></div>', `<div id="root">${appHtml}</div>\n    <script>window.__PRERENDER__=${data}</script>`)
}
