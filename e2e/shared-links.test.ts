/**
 * Shared links: every page is prerendered with its text and its link-preview metadata, reads with
 * JavaScript off, is taken over by the app without a second fetch, and works under a sub-path.
 * The feeds and sitemap list every published post.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { BrowserContext } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { builtPostData, builtPosts, type BuiltPost } from './built-posts.ts'
import { appReady, buildSite, launchBrowser, serveBuild, watchErrors } from './browser.ts'

const SEED = 'grow-and-make-impact-with-peer-focus-mindset'
const SITE = 'https://notes.example.org'

let context: BrowserContext
const servers: PreviewServer[] = []

beforeAll(async () => {
  context = await launchBrowser()
})

afterAll(async () => {
  await context?.close()
  await Promise.all(servers.map((server) => server.close()))
})

describe.each([
  { name: 'at the root', outDir: 'dist-links', base: '/' },
  { name: 'under a sub-path', outDir: 'dist-links-sub', base: '/my-blog/' },
])('a site built $name', ({ outDir, base }) => {
  let url: string
  let posts: BuiltPost[]
  const file = (path: string) => readFileSync(join(outDir, base, path), 'utf8')

  beforeAll(async () => {
    await buildSite(undefined, join(outDir, base), { SITE_URL: SITE, BASE_PATH: base })
    const served = await serveBuild(outDir, base)
    servers.push(served.server)
    url = served.url
    posts = await builtPosts(file)
  })

  it('writes every link-preview tag of a post with its exact value', async () => {
    const head = fromHtml(file(`blog/${SEED}/index.html`))
    const meta = (attribute: string, key: string) =>
      selectAll(`meta[${attribute}="${key}"]`, head).map((node) => String(node.properties.content))
    const postUrl = `${SITE}${base}blog/${SEED}/`
    expect(selectAll('title', head).map((node) => (node.children[0] as { value: string }).value)).toEqual([
      'Grow and make impact with peer focus mindset · Peer Notes',
    ])
    expect(meta('name', 'description')).toEqual(['As a manager your peers are key to driving impact and your personal growth'])
    expect(selectAll('link[rel="canonical"]', head).map((node) => node.properties.href)).toEqual([postUrl])
    expect(meta('property', 'og:type')).toEqual(['article'])
    expect(meta('property', 'og:title')).toEqual(['Grow and make impact with peer focus mindset'])
    expect(meta('property', 'og:description')).toEqual(['As a manager your peers are key to driving impact and your personal growth'])
    expect(meta('property', 'og:url')).toEqual([postUrl])
    expect(meta('property', 'og:image')).toEqual([`${SITE}${base}cards/${SEED}.png`])
    expect(meta('property', 'og:site_name')).toEqual(['Peer Notes'])
    // The seed post has no date, so no published time; a dated post has one.
    expect(meta('property', 'article:published_time')).toEqual([])
    expect(meta('property', 'article:tag')).toEqual(['Leadership', 'Influence', 'Growth'])
    expect(meta('name', 'twitter:card')).toEqual(['summary_large_image'])
    // X falls back to the og: tags for the rest.
    expect([...meta('name', 'twitter:title'), ...meta('name', 'twitter:description'), ...meta('name', 'twitter:image')]).toEqual([])
    const [jsonLd] = selectAll('script[type="application/ld+json"]', head)
    expect(JSON.parse((jsonLd!.children[0] as { value: string }).value)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'Grow and make impact with peer focus mindset',
      description: 'As a manager your peers are key to driving impact and your personal growth',
      url: postUrl,
      mainEntityOfPage: postUrl,
      image: `${SITE}${base}cards/${SEED}.png`,
      author: { '@type': 'Person', name: 'Peer Notes authors' },
      publisher: { '@type': 'Organization', name: 'Peer Notes' },
      keywords: 'Leadership, Influence, Growth',
      wordCount: (await builtPostData(file, SEED)).summary.wordCount,
    })
    const dated = posts.find((post) => post.date)!
    const datedHead = fromHtml(file(`blog/${dated.slug}/index.html`))
    expect(selectAll('meta[property="article:published_time"]', datedHead).map((node) => node.properties.content)).toEqual([dated.date])
  })

  it('fetches and starts the app only once the page\'s text is on screen', async () => {
    const page = fromHtml(file(`blog/${SEED}/index.html`))
    // No module script or module preload that loads before the first paint: one classic script preloads
    // the app's modules and imports the entry once the first contentful paint is presented.
    expect(selectAll('script[type="module"], link[rel="modulepreload"]', page)).toEqual([])
    const browserPage = await context.newPage()
    const pageErrors = watchErrors(browserPage)
    const scripts: string[] = []
    browserPage.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
    })
    await browserPage.goto(`${url}blog/${SEED}/`)
    await appReady(browserPage)
    expect(scripts).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${base}assets/index-[\\w-]+\\.js$`)), expect.stringMatching(/\/assets\/framework-[\w-]+\.js$/)]))
    expect(new Set(scripts).size).toBe(scripts.length)
    const timing = await browserPage.evaluate(() => ({
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      scripts: performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js')).map((entry) => entry.startTime),
    }))
    expect(timing.firstContentfulPaint).not.toBeNull()
    expect(timing.scripts.length).toBeGreaterThan(0)
    for (const start of timing.scripts) expect(start).toBeGreaterThanOrEqual(timing.firstContentfulPaint!)
    // Started by the paint's entry, not by the fallback a second after the first frame.
    expect(Math.min(...timing.scripts)).toBeLessThan(timing.firstContentfulPaint! + 800)
    expect(pageErrors).toEqual([])
    await browserPage.close()
  })

  it('shows a post, its highlights and its quote with JavaScript turned off', async () => {
    const offContext = await launchBrowser({ javaScriptEnabled: false })
    const off = await offContext.newPage()
    await off.goto(`${url}blog/${SEED}/`)
    expect(await off.locator('h1').textContent()).toBe('Grow and make impact with peer focus mindset')
    expect(await off.locator('.post-body mark.highlight').count()).toBe(6)
    expect(await off.locator('.post-body mark.highlight').first().isVisible()).toBe(true)
    expect(await off.locator('.post-body blockquote.quote').isVisible()).toBe(true)
    // The template's notice for a page without content is not under one that has it.
    expect(await off.locator('body').innerText()).not.toContain('needs JavaScript')
    await off.goto(url)
    expect(await off.locator('.post-card').count()).toBe(posts.length)
    expect(await off.locator('body').innerText()).not.toContain('needs JavaScript')
    await offContext.close()
  })

  it('is taken over by the app without errors or a second fetch, and navigates client-side', async () => {
    const page = await context.newPage()
    const errors = watchErrors(page)
    const dataRequests: string[] = []
    const documents: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/data/')) dataRequests.push(new URL(request.url()).pathname)
      if (request.resourceType() === 'document') documents.push(new URL(request.url()).pathname)
    })
    page.on('console', (message) => {
      if (/hydrat/i.test(message.text())) errors.push(`hydration: ${message.text()}`)
    })
    await page.goto(`${url}blog/${SEED}/`, { waitUntil: 'networkidle' })
    await appReady(page)
    expect(dataRequests).toEqual([])
    // The app has taken over: a click navigates without loading a document.
    await page.locator('.post-header').getByRole('link', { name: 'Leadership' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Posts tagged Leadership')
    expect(documents).toEqual([`${base}blog/${SEED}/`])
    await page.getByRole('link', { name: 'Grow and make impact with peer focus mindset' }).click()
    await expect.poll(() => page.locator('.post-body mark.highlight').count()).toBe(6)
    expect(dataRequests.filter((path) => path.includes(SEED))).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows the list when the reader reloads a post and goes Back before the app has started', async () => {
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(url)
    await appReady(page)
    await page.getByRole('link', { name: 'Grow and make impact with peer focus mindset' }).click()
    await page.waitForURL(`${url}blog/${SEED}/`)
    // The reloaded post's page code is held until the reader has gone Back, so the app's entry has
    // started but not yet rendered: Chromium moves to the list's entry within the reloaded post's
    // document, whose HTML is the post's.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let scriptAsked = () => {}
    const asked = new Promise<void>((resolve) => (scriptAsked = resolve))
    await page.route(/\/assets\/permalink-page-[\w-]+\.js$/, async (route) => {
      scriptAsked()
      await held
      await route.continue()
    })
    await page.reload({ waitUntil: 'domcontentloaded' })
    await asked
    expect(await page.locator('h1').textContent()).toBe('Grow and make impact with peer focus mindset')
    await page.goBack({ waitUntil: 'commit' })
    expect(new URL(page.url()).pathname).toBe(base)
    release()
    await appReady(page)
    await expect.poll(() => page.locator('h1').textContent()).toBe('All posts')
    expect(await page.locator('.post-card').count()).toBe(posts.length)
    expect(errors).toEqual([])
    await page.close()
  })

  it('serves 404.html with the app not-found page', () => {
    const notFound = fromHtml(file('404.html'))
    expect(selectAll('h1', notFound).map((node) => toString(node))).toEqual(['Page not found'])
    expect(selectAll('meta[name="robots"]', notFound).map((node) => node.properties.content)).toEqual(['noindex'])
  })

  it('writes a well-formed Atom feed with every post, with full content', () => {
    const xml = file('feed.xml')
    expect(XMLValidator.validate(xml)).toBe(true)
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' || name === 'category' }).parse(xml).feed
    for (const required of ['id', 'title', 'updated']) expect(feed[required]).toBeTruthy()
    expect(feed.link.find((link: Record<string, string>) => link['@_rel'] === 'self')['@_href']).toBe(`${SITE}${base}feed.xml`)
    expect(feed.entry).toHaveLength(posts.length)
    for (const entry of feed.entry) {
      for (const required of ['id', 'title', 'updated', 'content']) expect(entry[required], required).toBeTruthy()
    }
    const seed = feed.entry.find((entry: { title: string }) => entry.title === 'Grow and make impact with peer focus mindset')
    expect(seed.id).toBe(`${SITE}${base}blog/${SEED}/`)
    expect(seed.content['#text']).toMatch(/<mark id="q-[a-z0-9]+">Set up regular check-ins<\/mark>/)
    expect(seed.content['#text']).toContain(`src="${SITE}${base}assets/images/peer-focus.png"`)
  })

  it('writes a JSON Feed with its required fields', () => {
    const feed = JSON.parse(file('feed.json'))
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.title).toBe('Peer Notes')
    expect(feed.home_page_url).toBe(`${SITE}${base}`)
    expect(feed.feed_url).toBe(`${SITE}${base}feed.json`)
    expect(feed.items).toHaveLength(posts.length)
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string')
      expect(typeof item.content_html).toBe('string')
    }
  })

  it('writes a sitemap listing every post and robots.txt pointing to it', () => {
    const xml = file('sitemap.xml')
    expect(XMLValidator.validate(xml)).toBe(true)
    const locations: string[] = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml).urlset.url.map((entry: { loc: string }) => entry.loc)
    for (const post of posts) expect(locations).toContain(`${SITE}${base}blog/${post.slug}/`)
    expect(locations).toContain(`${SITE}${base}`)
    expect(file('robots.txt')).toContain(`Sitemap: ${SITE}${base}sitemap.xml`)
  })
})
