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
import { countTags } from '../shared/list-filter.ts'
import { renderHead } from './page-head.ts'
import { postPath } from './feeds.ts'

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
}

const INDEX_KEY = ['posts', 'index'] as const
const detailKey = (slug: string) => ['posts', 'detail', slug] as const

export function listPages(index: PostIndex, posts: Map<string, PostData>): Page[] {
  const withIndex: QueryData = [[INDEX_KEY, index]]
  const pages: Page[] = [
    { path: '/', file: 'index.html', data: withIndex },
    { path: '/blog/tags/', file: 'blog/tags/index.html', data: withIndex },
    ...countTags(index.posts).map(({ tag }) => ({
      path: `/blog/tags/${encodeURIComponent(tag.key)}/`,
      file: `blog/tags/${tag.key}/index.html`,
      data: withIndex,
    })),
    { path: '/404', file: '404.html', data: withIndex },
  ]
  for (const [slug, post] of posts) {
    if (post.summary.externalUrl && post.body.children.length === 0) continue
    pages.push({ path: `/blog/${encodeURIComponent(slug)}/`, file: `blog/${slug}/index.html`, data: [[detailKey(slug), post]] })
    const permalink = post.summary.permalink
    if (permalink) {
      // A permalink page finds its post through the index (its URL names no slug).
      const file = permalink.endsWith('.html') ? permalink.slice(1) : `${permalink.replace(/^\/|\/$/g, '')}/index.html`
      pages.push({ path: permalink, file, data: [[INDEX_KEY, index], [detailKey(slug), post]] })
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
    const rendered = await input.renderPage(url, basename, page.data)
    const facts = rendered.facts ?? { title: settings.title, description: settings.description }
    const head = renderHead(
      {
        title: facts.title,
        description: facts.description,
        path: facts.post ? postPath(facts.post) : page.path,
        ...(facts.post ? { post: facts.post } : {}),
        noindex: facts.status === 404,
      },
      settings,
    )
    const html = fillTemplate(input.template, head, rendered.html, { path: url, state: rendered.state })
    const file = join(input.outDir, page.file)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, html)
  }
  return pages.length
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
