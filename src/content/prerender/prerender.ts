/**
 * Writes one static HTML page per route after the client build: the list, the tags page, one page
 * per tag, one per post (and at its own permalink), and `404.html`. Each is rendered by the app's own
 * components (`src/app/server-entry.tsx`) with its data inlined, so it reads with JavaScript off and
 * the browser takes over without fetching it again. A post's body is in its page once, as HTML: the
 * inlined data leaves it out, and the app reads it back from the article (src/shared/api/post-page-data.ts).
 */
import type { DehydratedState } from '@tanstack/react-query'
import type { PostData, PostIndex } from '../../shared/post-data.ts'
import type { SiteSettings } from '../../site-settings.ts'
import type { PageFacts } from '../../shared/page-facts.ts'
import { listHref, NO_FILTER } from '../../shared/list-filter.ts'
import { listKeys } from '../../shared/list-data.ts'
import { buildListData, staticViews } from '../emit/list-data.ts'
import { escapeHtml, renderHead, renderPreviewHead, withoutNoScriptNotice } from './page-head.ts'
import { postPath } from '../emit/feeds.ts'
import { postDataJson, type Collection, type PostDataParts } from '../site/collection.ts'
import type { Passage } from '../post/stored-post.ts'
import { isEmptyBody, type PostBody } from '../build/body-files.ts'
import { PRERENDER_DATA_ID } from '../../shared/data-paths.ts'
import { withoutPostBodies } from '../../shared/api/post-page-data.ts'
import { permalinkKey } from '../../shared/permalink-key.ts'
import { redirectHtml } from './site-pages.ts'
import { outputPath, routeFile } from './output-paths.ts'
import { postCardFile, postFiles, type PostFiles } from './post-files.ts'
import { postCardJobs, type CardJob } from './post-cards.ts'
import { writeIfChanged, type OutputWriter } from '../build/write-if-changed.ts'
import type { Memo } from '../build/build-cache.ts'
import { pageLanguage } from './page-language.ts'

type QueryData = Array<[readonly unknown[], unknown]>
export type RenderPage = (url: string, basename: string, data: QueryData) => Promise<{ html: string; facts: PageFacts | null; state: DehydratedState }>

/** What every page writer needs, the same for the whole build. */
export interface PrerenderContext {
  outDir: string
  /** The built `index.html`. */
  template: string
  settings: SiteSettings
  renderPage: RenderPage
  /** The persistent build cache for post pages (src/content/build/build-cache.ts); none: made each time. */
  memo?: Memo
  /** The build's writer (write-if-changed.ts's outputWriter), which knows the folders it made; none: each file looked at alone. */
  write?: OutputWriter
}

/** A page rendered from the post index: the list, the tags pages, the not-found page, permalinks. */
export interface IndexPage {
  /** The route path (under the base path) the page renders. */
  path: string
  /** Where the file goes, under `outDir` (see routeFile). */
  file: string
  /** Who asks for the file, as a collision message names it: "the post list", "posts/x.md". */
  claimant: string
  data: QueryData
}

/**
 * Everything written for one post: its page (with its data), its card if it has no image, a page and card
 * per block quote, and a page per highlight. It carries the post's data but its body, which is read from
 * the build's body files (build/body-files.ts) when the page is written; its cards are drawn elsewhere
 * (post-cards.ts).
 */
export interface PostPages {
  slug: string
  /** What the post's data (`PostData`), inlined in its page, is made of (see postDataJson). */
  data: PostDataParts
  passages: Passage[]
  /** A post that only links elsewhere (`external_url`, no body) gets no page: its card links away. */
  page: boolean
}

const detailKey = (slug: string) => ['posts', 'detail', slug] as const
/** The same key as `postKeys.permalink` (src/shared/api/post-queries.ts). */
const permalinkQueryKey = (path: string) => ['posts', 'permalink', permalinkKey(path)] as const

export function indexPages(collection: Collection): IndexPage[] {
  const { index } = collection
  // List pages inline the list's head and their own page of cards, never the whole index: every page
  // of the unfiltered list (`/`, `/page/2/`...) and of each tag (`/blog/tags/x/`, `.../page/2/`).
  const list = buildListData(index.posts)
  const firstWithTag = (key: string) => index.posts.find((post) => post.tags.some((tag) => tag.key === key))
  const head: QueryData[number] = [listKeys.head(), list.head]
  const pages: IndexPage[] = [
    ...staticViews(list).map(({ source, page, view }) => {
      const filter = source.kind === 'all' ? NO_FILTER : { ...NO_FILTER, tags: [source.key] }
      const path = listHref({ filter, page, ...(source.kind === 'tag' ? { tagRoute: source.key } : {}) })
      const data: QueryData = [head, [listKeys.view(list.head.v, source, page), view]]
      const claimant = source.kind === 'all' ? `the post list's page ${page}` : `the page of tag "${source.key}" (from ${postFile(collection, firstWithTag(source.key)?.slug)})`
      return { path, file: routeFile(decodeURIComponent(path)), claimant, data }
    }),
    { path: '/blog/tags/', file: 'blog/tags/index.html', claimant: 'the tags page', data: [head] },
    // Whichever path a host serves it for, the app looks that path up again (data/permalinks.json).
    { path: '/404', file: '404.html', claimant: 'the not-found page', data: [[permalinkQueryKey('/404'), null]] },
  ]
  return pages
}

/** One post's work at a time: made as it is handed out, so the build never holds every page's data. */
export function* postPages(collection: Collection): Generator<PostPages> {
  for (const [slug, { post, newer, older, related, series }] of collection.posts) {
    const data = { post: { summary: post.summary, body: post.body, toc: post.toc }, newer, older, related, series }
    yield { slug, data, passages: post.passages, page: hasPage(post.summary, post.body) }
  }
}

function postFile(collection: Collection, slug: string | undefined): string {
  return (slug && collection.posts.get(slug)?.post.file) || 'a post'
}

export function hasPage(summary: PostIndex['posts'][number], body: PostBody): boolean {
  return !(summary.externalUrl && isEmptyBody(body))
}

/** Renders and writes the index pages; returns how many. */
export async function writeIndexPages(context: PrerenderContext, pages: IndexPage[]): Promise<number> {
  const writeFile = context.write ?? writeIfChanged
  for (const page of pages) {
    const url = routeUrl(context.settings, page.path)
    const rendered = await context.renderPage(url, basenameOf(context.settings), page.data)
    const facts = rendered.facts ?? { title: context.settings.title, description: context.settings.description }
    const post = page.data.find(([key]) => key[1] === 'detail')?.[1] as PostData | undefined
    const card = post && !post.summary.image ? postCardFile(post.summary.slug) : null
    const head = renderHead(
      {
        title: facts.title,
        description: facts.description,
        path: facts.post ? postPath(facts.post) : page.path,
        ...(facts.post ? { post: facts.post } : {}),
        ...(card ? { image: `/${card}` } : {}),
        noindex: facts.status === 404,
      },
      context.settings,
    )
    writeFile(outputPath(context.outDir, page.file), fillTemplate(context.template, head, rendered.html, { path: url, state: rendered.state }))
  }
  return pages.length
}

/** The files one post writes (post-files.ts): its page's and cards' names, once the build's settings are known. */
export function postFilesOf(task: PostPages, settings: SiteSettings): PostFiles {
  // The plugin passes the build's decision (a boolean): 'auto' is decided before any file is written.
  return postFiles(task.slug, task.passages, { page: task.page, card: !task.data.post.summary.image, highlightPages: settings.highlightPages !== false })
}

/** The cards of one post (post-cards.ts), for whoever draws them: a build worker, in the build. */
export function postCards(task: PostPages, settings: SiteSettings): CardJob[] {
  return postCardJobs(task.data.post.summary, postFilesOf(task, settings), settings)
}

/**
 * Writes one post's pages (see PostPages), not its cards (postCards); returns how many pages. Its data is
 * inlined in its page, where the app also reads it when a reader moves to the post
 * (src/shared/api/post-queries.ts): no data file.
 */
export async function writePostPages(context: PrerenderContext, task: PostPages): Promise<number> {
  const { settings, outDir } = context
  const writeFile = context.write ?? writeIfChanged
  const files = postFilesOf(task, settings)
  if (!files.page) return 0
  const json = postDataJson(task.data)
  const post = JSON.parse(json) as PostData
  if (settings.highlightPages === false) post.highlightPages = false
  const card = files.card
  const memo = context.memo ?? ((_kind, _input, make) => make())
  const blogPath = `/blog/${encodeURIComponent(task.slug)}/`
  // A post with a permalink (its own, or the site's) lives there, where the Jekyll site had it, and
  // its `/blog/<slug>/` is a small redirect page, not a second copy. Its page carries the answer to
  // "which post is at this path" (the URL names no slug).
  const permalink = post.summary.permalink
  const path = permalink ?? blogPath
  // The page depends on nothing but the post's data (its permalink included) and the context (template, settings, app code).
  const page = await memo('pages', json, async () => {
    const url = routeUrl(settings, path)
    const data: QueryData = [[detailKey(task.slug), post], ...(permalink ? [[permalinkQueryKey(permalink), task.slug] as QueryData[number]] : [])]
    const rendered = await context.renderPage(url, basenameOf(settings), data)
    const facts = rendered.facts ?? { title: settings.title, description: settings.description }
    const head = renderHead(
      {
        title: facts.title,
        description: facts.description,
        path: facts.post ? postPath(facts.post) : path,
        ...(facts.post ? { post: facts.post } : {}),
        ...(card ? { image: `/${card}` } : {}),
        noindex: facts.status === 404,
      },
      settings,
    )
    // The body is the page's HTML; the inlined data holds the rest (see post-page-data.ts).
    return fillTemplate(context.template, head, rendered.html, { path: url, state: withoutPostBodies(rendered.state) })
  })
  // `permalink: /blog/:title/` is the post's own page.
  if (permalink && routeFile(permalink) !== files.page) {
    writeFile(outputPath(outDir, routeFile(permalink)), page)
    writeFile(outputPath(outDir, files.page), redirectHtml(permalink, settings))
  } else {
    writeFile(outputPath(outDir, files.page), page)
  }
  // A quote and (unless `highlightPages` is off) a highlight has a page of its own, which unfurls as that
  // passage: a quote with a card of its own, a highlight with its post's card and its sentence.
  for (const { passage, page: passageFile, card: quoteCardFile } of files.passages) {
    const quotePath = `/blog/${encodeURIComponent(task.slug)}/quote/${encodeURIComponent(passage.id)}/`
    writeFile(outputPath(outDir, passageFile), passagePage(post, passage, quotePath, quoteCardFile ?? files.card, settings))
  }
  return 1 + files.passages.length
}

function basenameOf(settings: SiteSettings): string {
  return settings.basePath.replace(/\/$/, '') || '/'
}

function routeUrl(settings: SiteSettings, path: string): string {
  const basename = basenameOf(settings)
  return `${basename === '/' ? '' : basename}${path}`
}

/**
 * The page of one quote or highlight: the head a link preview reads (the quote, or the sentence a
 * highlight stands in, as description; the quote's card or the post's image) and an immediate move to the
 * passage in the post (`/blog/<slug>/#q-...`), which marks it. Works without JavaScript (meta refresh), and
 * with it (no history entry for the hop). Nothing else: a blog has several of these a post, and a reader
 * only passes through (no stylesheet, no app, no structured data: the post's page has those). The body
 * is the link on: the quote is in the description a preview shows, and once more in the body it cost
 * 1.8 MB at 1,000 posts for a page no one reads.
 */
function passagePage(post: PostData, passage: Passage, path: string, card: string | null, settings: SiteSettings): string {
  // To the post where it lives: at its permalink when it has one, not through its redirect page.
  const target = `${settings.basePath}${postPath(post.summary).replace(/^\//, '')}#${encodeURIComponent(passage.id)}`
  const language = pageLanguage(settings.lang)
  const head = renderPreviewHead(
    { title: `${post.summary.title} · ${settings.title}`, description: `“${passage.sentence}”`, path, post: post.summary, ...(card ? { image: `/${card}` } : {}) },
    settings,
  )
  return [
    '<!doctype html>',
    `<html ${language.htmlAttributes}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    head,
    `<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">`,
    `<script>location.replace(${JSON.stringify(target).replace(/</g, '\\u003c')})</script>`,
    '</head>',
    `<body><main id="main"><p><a href="${escapeHtml(target)}">${escapeHtml(language.t.post.readItIn.replace('{title}', () => language.t.quoted.replace('{text}', () => post.summary.title)))}</a></p></main></body>`,
    '</html>',
    '',
  ].join('\n')
}

/**
 * The built `index.html` with the page's head, markup and inlined data. Every insert is a function, never
 * a replacement string: post text holding `$'` or `$&` would otherwise be read as a pattern.
 */
export function fillTemplate(template: string, head: string, appHtml: string, prerendered: { path: string; state: DehydratedState }): string {
  // JSON, not a script: the browser does not parse it as code while it lays out the page.
  const data = JSON.stringify(prerendered).replace(/</g, '\\u003c')
  return withoutNoScriptNotice(template)
    .replace(/<title>[\s\S]*?<\/title>\s*/, '')
    .replace(/<meta name="description"[^>]*>\s*/, '')
    .replace('</head>', () => `  ${head}\n  </head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${appHtml}</div>\n    <script type="application/json" id="${PRERENDER_DATA_ID}">${data}</script>`)
}

/**
 * A page on screen whose first contentful paint is never reported (some browsers skip the entry) starts
 * its app this long after its first frame; one that is never painted (opened in a background tab, where
 * frames do not run) starts it after START_AT_THE_LATEST_MS, in the background.
 */
const START_ONCE_SHOWN_AT_THE_LATEST_MS = 1000
const START_AT_THE_LATEST_MS = 5000

/**
 * The built `index.html` with its app's modules fetched and run only once the text is on screen. A module
 * script runs as soon as it has loaded and the HTML is parsed, which on a slow phone is before the first
 * paint: the app's code (hundreds of ms at 4x CPU) would hold back text that is already in the page.
 * Preloading the modules from the head holds it back too: their download shares the network with the
 * stylesheet and their compiling shares the CPU with the first layout (the post painted 16-27 % later
 * with JavaScript on than off, at 4x CPU; -4 to +8 % once the preloads moved to the first frame).
 *
 * So the page's one script waits for the HTML to be parsed (the app reads its data from the page) and
 * then for the browser's `first-contentful-paint` entry, which comes once the frame is on screen, not when
 * the main thread hands it over: started on the next frame instead, the app's downloads and compiling ran
 * beside that frame's rasterizing on a two-core phone, and some loads' FCP came after the app's first
 * task. Only then does it preload the modules together and import the entry. A browser without paint
 * timing starts the app a frame after parsing, as before; one that never reports the paint, a second
 * after its first frame; a page never painted (a background tab), after START_AT_THE_LATEST_MS. Without
 * those, the app would never start in either (docs/paint-stop-25.md). A classic script, not a module:
 * there is nothing for it to import, and a module script is compiled, linked and run as its own task
 * before the paint. A URL with a query (a shared filter or search of the list) starts once parsed: the
 * page painted first is not yet the one asked for, the app makes it.
 */
export function startAppAfterFirstPaint(template: string): string {
  const entryScript = /<script type="module" crossorigin src="([^"]+)"><\/script>/
  if (!entryScript.test(template)) {
    throw new Error('The built index.html has no `<script type="module" crossorigin src="...">` for the app to start from: the prerendered pages would not start it')
  }
  const preloads: string[] = []
  const withoutPreloads = template.replace(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g, (_tag, href: string) => {
    preloads.push(href)
    return ''
  })
  return withoutPreloads.replace(entryScript, (_tag, entry: string) => {
    const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')
    const preload = `for (const href of ${json([entry, ...preloads])}) document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href, crossOrigin: '' }))`
    const start = `let started = false; const start = () => { if (started) return; started = true; ${preload}; import(${json(entry)}) }`
    const afterFirstContentfulPaint = [
      `if (location.search) return start()`,
      `setTimeout(start, ${START_AT_THE_LATEST_MS})`,
      `if (typeof PerformanceObserver !== 'function' || !(PerformanceObserver.supportedEntryTypes || []).includes('paint')) return requestAnimationFrame(() => setTimeout(start))`,
      // Painted while the parser was still in the body: Safari does not replay it to a buffered observer.
      `if (performance.getEntriesByName('first-contentful-paint').length) return setTimeout(start)`,
      `new PerformanceObserver((entries, observer) => { if (entries.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); setTimeout(start) } }).observe({ type: 'paint', buffered: true })`,
      `requestAnimationFrame(() => setTimeout(start, ${START_ONCE_SHOWN_AT_THE_LATEST_MS}))`,
    ].join('; ')
    const afterParsing = `document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', whenShown, { once: true }) : whenShown()`
    return `<script>(() => { ${start}; const whenShown = () => { ${afterFirstContentfulPaint} }; ${afterParsing} })()</script>`
  })
}
