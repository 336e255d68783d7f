/**
 * A Jekyll site folder as it is (`SITE_DIR`), built and read in a browser: the fixture site written for
 * this project (e2e/fixtures/jekyll-site: a base path, a global permalink, a collection, pages, drafts,
 * data, includes, static files, redirects), and the portfolYOU theme's own site when `../shared/corpus`
 * is beside the project. What is checked here is the site's side: URLs, pages, redirects, static files.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { builtPosts, type BuiltPost } from './built-posts.ts'
import { appReady, buildSite, launchBrowser, serveBuild, watchErrors } from './browser.ts'

const FIXTURE = resolve('e2e/fixtures/jekyll-site')
const PORTFOLYOU = resolve('../shared/corpus/portfolyou-site')
const RAW_LIQUID = /\{%|%\}|\{\{|\}\}/

let context: BrowserContext
const servers: PreviewServer[] = []

async function buildAndServe(siteDir: string, outDir: string, base: string) {
  await buildSite(undefined, join(outDir, base), { SITE_DIR: siteDir })
  const served = await serveBuild(outDir, base)
  servers.push(served.server)
  const index = { posts: await builtPosts(async (path) => (await fetch(`${served.url}${path}`)).text()) }
  return { url: served.url, index, file: (path: string) => join(outDir, base, path) }
}

async function open(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.locator('main h1').first().waitFor()
}

beforeAll(async () => {
  context = await launchBrowser()
})

afterAll(async () => {
  await context?.close()
  await Promise.all(servers.map((server) => server.close()))
})

describe('the fixture Jekyll site, built with SITE_DIR', () => {
  let url: string
  let index: { posts: BuiltPost[] }
  let file: (path: string) => string
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    ;({ url, index, file } = await buildAndServe(FIXTURE, 'dist-jekyll-site', '/field-notes/'))
    page = await context.newPage()
    errors = watchErrors(page)
  })

  it('lists the dated posts only: no undated post, no draft, no page', () => {
    expect(index.posts.map((post) => post.title)).toEqual(['A tour of Liquid', 'A post with its own address', 'Second wind on the ridge', 'First light at the marsh', 'An HTML post'])
  })

  it('serves each post at the URL it had on the Jekyll site, under the base path', async () => {
    await open(page, `${url}2021/03/04/first-light.html`)
    expect(await page.locator('article.post h1').textContent()).toBe('First light at the marsh')
    await appReady(page)
    await open(page, `${url}travel/2022/07/19/second-wind.html`)
    expect(await page.locator('article.post h1').textContent()).toBe('Second wind on the ridge')
    await open(page, `${url}2020/06/01/html-post.html`)
    expect(await page.locator('.post-body em').textContent()).toBe('HTML')
    await open(page, `${url}notes/own-address/`)
    expect(await page.locator('article.post h1').textContent()).toBe('A post with its own address')
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe('https://notes.example.org/field-notes/notes/own-address/')
  })

  it('reads HTML in a description as HTML: formatted on the card and under the title, its text alone in the meta description', async () => {
    await open(page, url)
    const excerpt = page.locator('.post-card', { hasText: 'First light at the marsh' }).locator('.post-card-excerpt')
    expect(await excerpt.textContent()).toBe('The first morning out, with a lamp and a map')
    expect(await excerpt.locator('strong').textContent()).toBe('first')
    await open(page, `${url}2021/03/04/first-light.html`)
    expect(await page.locator('.post-header .post-description strong').textContent()).toBe('first')
    expect(await page.locator('meta[name=description]').getAttribute('content')).toBe('The first morning out, with a lamp and a map')
  })

  it('makes /blog/<slug>/ and redirect_from small redirect pages to the post, not copies', async () => {
    const redirect = readFileSync(file('blog/first-light/index.html'), 'utf8')
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=/field-notes/2021/03/04/first-light.html">')
    expect(redirect).toContain('<link rel="canonical" href="https://notes.example.org/field-notes/2021/03/04/first-light.html">')
    expect(redirect).not.toContain('First light at the marsh')
    for (const from of ['blog/first-light/', 'old/first-light/']) {
      await page.goto(`${url}${from}`)
      await page.waitForURL(`${url}2021/03/04/first-light.html`)
      expect(await page.locator('article.post h1').textContent()).toBe('First light at the marsh')
    }
  })

  it('publishes pages at their permalinks in the app frame, with a title and body only', async () => {
    await open(page, `${url}about/`)
    expect(await page.locator('main h1').textContent()).toBe('About these notes')
    expect(await page.title()).toBe('About these notes · Field Notes')
    expect(await page.locator('main .post-body img').getAttribute('src')).toBe('/field-notes/assets/images/lamp.png')
    expect(await page.locator('main .tag, main time').count()).toBe(0)
    await open(page, `${url}cv/`)
    expect(await page.locator('main h2').textContent()).toBe('Experience')
    await open(page, `${url}contact.html`)
    expect(await page.locator('main a[href^="mailto:"]').textContent()).toBe('ada@example.org')
    await open(page, `${url}projects/lantern/`)
    expect(await page.locator('main h1').textContent()).toBe('Lantern')
    expect(await page.locator('meta[name=description]').getAttribute('content')).toBe('A lamp that lasts the night')
  })

  it('opens a page from a link in a post, though the app has no route for it', async () => {
    await open(page, `${url}travel/2022/07/19/second-wind.html`)
    await appReady(page)
    await page.locator('.post-body a', { hasText: 'about these notes' }).click()
    await page.waitForURL(`${url}about/`)
    await expect.poll(() => page.locator('main h1').textContent()).toBe('About these notes')
  })

  it('redirects redirect_from and redirect_to pages', async () => {
    await page.goto(`${url}me/`)
    await page.waitForURL(`${url}about/`)
    await page.goto(`${url}old-cv/`)
    await page.waitForURL(`${url}cv/`)
    expect(await page.locator('main h1').textContent()).toBe('Curriculum vitae')
  })

  it('keeps the app at the URLs it owns: a site page claiming /blog/ is not published', async () => {
    expect(readFileSync(file('index.html'), 'utf8')).not.toContain("The theme's own blog index")
    // Old links to the theme's blog index reach the app's list.
    expect(readFileSync(file('blog/index.html'), 'utf8')).toContain('<meta http-equiv="refresh" content="0; url=/field-notes/">')
    expect(existsSync(file('notes-to-self/index.html')) || existsSync(file('notes-to-self.html'))).toBe(false)
  })

  it('serves the static files at their own paths, copied by the build: images, the PDF; nothing of _ folders or exclude', async () => {
    await open(page, `${url}travel/2022/07/19/second-wind.html`)
    const image = page.locator('.post-body img')
    expect(await image.getAttribute('src')).toBe('/field-notes/assets/images/lamp.png')
    // Its size is read from the site folder's file, so the page keeps its place while it loads.
    expect([await image.getAttribute('width'), await image.getAttribute('height')]).toEqual(['32', '24'])
    // Loaded from the copied file (once it has arrived: the page is ready before its images are).
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(32)
    await open(page, `${url}2021/03/04/first-light.html`)
    const pdfLink = page.locator('.post-body a', { hasText: 'field guide' })
    expect(await pdfLink.getAttribute('href')).toBe('/field-notes/assets/docs/field-guide.pdf')
    const pdf = await fetch(new URL('/field-notes/assets/docs/field-guide.pdf', url))
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    // The site's feed address keeps its subscribers: the app's Atom feed is there too.
    expect(readFileSync(file('atom.xml'), 'utf8')).toBe(readFileSync(file('feed.xml'), 'utf8'))
    // A theme's own service worker (sw.js) is not copied over the app's: readers would keep the old one.
    expect(readFileSync(file('sw.js'), 'utf8')).toContain('self.OFFLINE_BUILD = ')
    for (const path of ['_config.yml', '_posts/2021-03-04-first-light.md', '_data/team.yml', 'scripts/deploy.sh', 'notes-to-self.md', '_layouts/default.html']) {
      expect(existsSync(file(path)), path).toBe(false)
    }
    expect(errors).toEqual([])
  })

  it('builds the drafts too when asked (DRAFTS=1)', async () => {
    await buildSite(undefined, join('dist-jekyll-site-drafts', 'field-notes'), { SITE_DIR: FIXTURE, DRAFTS: '1' })
    const drafts = { posts: await builtPosts((path) => readFileSync(join('dist-jekyll-site-drafts/field-notes', path), 'utf8')) }
    expect(drafts.posts.map((post) => post.title)).toContain('A half-written draft')
    expect(existsSync('dist-jekyll-site-drafts/field-notes/blog/half-written/index.html')).toBe(true)
  })
})

describe.runIf(existsSync(PORTFOLYOU))("portfolYOU's own site, built with SITE_DIR", () => {
  let url: string
  let index: { posts: BuiltPost[] }
  let file: (path: string) => string
  const posts = existsSync(PORTFOLYOU) ? readdirSync(join(PORTFOLYOU, '_posts')).filter((name) => name.endsWith('.md')) : []

  beforeAll(async () => {
    ;({ url, index, file } = await buildAndServe(PORTFOLYOU, 'dist-portfolyou', '/portfolYOU/'))
  })

  it('publishes every post', () => {
    expect(index.posts).toHaveLength(posts.length)
  })

  it.each(posts)('%s answers at its Jekyll URL (/portfolYOU/blog/:title) with no raw Liquid', async (name) => {
    const title = name.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.md$/, '')
    const summary = index.posts.find((post) => post.slug === title)!
    if (summary.externalUrl) return
    const page = await context.newPage()
    // Its images live on other sites; the test machine has no network.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort())
    // Static hosts answer `/blog/:title` from `blog/:title/index.html` (with a redirect to the slash).
    await open(page, `${url}blog/${title}/`)
    expect(await page.locator('article.post h1').textContent()).toBe(summary.title)
    expect(await page.locator('main').innerText()).not.toMatch(RAW_LIQUID)
    await page.close()
  })

  it.each([
    ['about/', 'About'],
    ['projects/1-placeholder-project/', 'PlaceHolder Project'],
    ['elements/01-headers.html', '01-headers'],
  ])('publishes the page %s at its Jekyll URL', async (path, title) => {
    const page = await context.newPage()
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort())
    await open(page, `${url}${path}`)
    expect(await page.locator('main h1').first().textContent()).toBe(title)
    expect(await page.locator('main').innerText()).not.toMatch(RAW_LIQUID)
    await page.close()
  })

  it('writes "undefined" nowhere and no raw Liquid into any page but those showing it in {% raw %}', () => {
    // The theme's element pages show their own Liquid as examples, in `{% raw %}`, as Jekyll does;
    // the partials are static files (no front matter), copied as they are.
    const showsLiquid = readdirSync(join(PORTFOLYOU, '_elements')).filter((name) => readFileSync(join(PORTFOLYOU, '_elements', name), 'utf8').includes('{% raw %}'))
    expect(showsLiquid.length).toBeGreaterThan(0)
    const pages = htmlFiles(file('')).filter((path) => !path.includes('/documentation/partials/') && !showsLiquid.some((name) => path.endsWith(`/elements/${name}`)))
    expect(pages.length).toBeGreaterThan(40)
    for (const path of pages) {
      const text = readFileSync(path, 'utf8').replace(/<script[\s\S]*?<\/script>/g, '')
      expect(text, path).not.toContain('undefined')
      expect(text.replace(/<[^>]+>/g, ''), path).not.toMatch(RAW_LIQUID)
    }
  })
})

function htmlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return name === 'assets' ? [] : htmlFiles(path)
    return name.endsWith('.html') ? [path] : []
  })
}
