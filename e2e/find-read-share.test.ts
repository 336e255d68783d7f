/**
 * Finding, reading and sharing, in Chromium against the production build: filters and search that
 * round-trip through the URL, quote links, back restoring the list, the theme, the keyboard, and an
 * accessibility audit (axe-core) of every kind of page in both themes.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { appReady, axeViolations, launchBrowser, serveBuild, watchErrors } from './browser.ts'
import type { SearchDocsFile } from '../src/shared/list-data.ts'

const SEED = 'grow-and-make-impact-with-peer-focus-mindset'
const QUOTE = 'You own the outcome of your team, and your outward view helps them achieve that efficiently'

let context: BrowserContext
let server: PreviewServer
let url: string
let errors: string[] = []

async function open(path: string): Promise<Page> {
  const page = await context.newPage()
  const pageErrors = watchErrors(page)
  page.on('close', () => errors.push(...pageErrors))
  await page.goto(`${url}${path}`, { waitUntil: 'networkidle' })
  await appReady(page)
  return page
}

const heading = (page: Page) => page.locator('h1').textContent()
const cardTitles = (page: Page) => page.locator('.post-card-title').allTextContents()

beforeAll(async () => {
  ;({ server, url } = await serveBuild('dist'))
  context = await launchBrowser()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin })
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

describe('finding posts', () => {
  it('combines several tags with any/all and search, all in a URL that restores exactly', async () => {
    const page = await open('')
    await page.getByRole('button', { name: /^Leadership,/ }).click()
    await page.getByRole('button', { name: /^Growth,/ }).click()
    await page.waitForURL(/\?tags=leadership,growth$/)
    await expect.poll(() => heading(page)).toBe('Posts tagged Leadership or Growth')
    // The heading can be painted a frame before the cards of a view that waited for the catalog.
    await expect.poll(async () => (await cardTitles(page)).length).toBeGreaterThan(0)
    const any = await cardTitles(page)
    await page.getByRole('radio', { name: 'all of these tags' }).check()
    await page.waitForURL(/\?tags=leadership,growth&match=all$/)
    await expect.poll(() => heading(page)).toBe('Posts tagged Leadership and Growth')
    const all = await cardTitles(page)
    expect(all.length).toBeLessThan(any.length)
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('peers')
    await page.waitForURL(/\?tags=leadership,growth&match=all&q=peers$/)
    await expect.poll(() => cardTitles(page)).toEqual(['Grow and make impact with peer focus mindset'])
    expect(await heading(page)).toBe('Posts tagged Leadership and Growth matching “peers”')
    // Matched words are marked in the results.
    expect(await page.locator('.post-card .search-match').first().textContent()).toMatch(/^peer/i)

    // Opened by someone else, in a fresh page: the same view.
    const shared = await open('?tags=leadership,growth&match=all&q=peers')
    await expect.poll(() => cardTitles(shared)).toEqual(['Grow and make impact with peer focus mindset'])
    expect(await shared.getByRole('searchbox', { name: 'Search posts' }).inputValue()).toBe('peers')
    expect(await shared.getByRole('radio', { name: 'all of these tags' }).isChecked()).toBe(true)
    await shared.reload()
    await expect.poll(() => cardTitles(shared)).toEqual(['Grow and make impact with peer focus mindset'])

    // Back and forward walk through the filters.
    await page.goBack()
    await page.waitForURL(/\?tags=leadership,growth$/)
    await expect.poll(() => cardTitles(page)).toEqual(any)
    await page.goForward()
    await page.waitForURL(/match=all&q=peers$/)
    await expect.poll(() => page.getByRole('radio', { name: 'all of these tags' }).isChecked()).toBe(true)
    await expect.poll(() => cardTitles(page)).toEqual(['Grow and make impact with peer focus mindset'])

    // One click clears everything.
    await page.getByRole('button', { name: 'Clear filter and search' }).click()
    await page.waitForURL(`${url}`)
    await expect.poll(() => heading(page)).toBe('All posts')
    await page.close()
    await shared.close()
  })

  it('searches with prefixes and typos, and loads the index only when the reader searches, whole once idle', async () => {
    const requests: string[] = []
    const page = await context.newPage()
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(url, { waitUntil: 'networkidle' })
    await appReady(page)
    // Nothing of the search; once idle, the first page of every tag (for instant tag clicks).
    await expect
      .poll(() => requests.filter((request) => request.includes('/data/') || /minisearch|search-engine/i.test(request)).map((request) => new URL(request).pathname))
      .toEqual(['/data/list/tag-pages.json'])
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('secondmnet')
    await expect.poll(() => cardTitles(page)).toContain('Grow and make impact with peer focus mindset')
    // First the field lengths and the one shard of the first index (titles, descriptions, tags) that
    // holds words starting with "s"; the word is in a body: then the body index's. Once the reader pauses
    // and the page is idle, every other shard of these small indexes.
    const searchFiles = () => requests.filter((request) => request.includes('/data/search/')).map((request) => new URL(request).pathname)
    expect(searchFiles().slice(0, 4)).toEqual(['/data/search/first/docs.json', '/data/search/first/73.json', '/data/search/body/docs.json', '/data/search/body/73.json'])
    const shards = (index: string) => (JSON.parse(readFileSync(`dist/data/search/${index}/docs.json`, 'utf8')) as SearchDocsFile).shards
    await expect.poll(() => new Set(searchFiles()).size, { timeout: 10_000 }).toBe(2 + shards('first').length + shards('body').length)
    // So a word starting with another letter has nothing left to load.
    const loaded = requests.length
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('hir')
    await expect.poll(() => cardTitles(page)).toContain('Hiring for what the team needs next')
    expect(requests.slice(loaded).filter((request) => request.includes('/data/'))).toEqual([])
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('zzzzqqq')
    await expect.poll(() => page.locator('.empty-state').textContent()).toContain('No posts match “zzzzqqq”.')
    await page.close()
  })

  it('shows each tag with what it would give, and sorts the tags page by name or count', async () => {
    const page = await open('?tags=leadership')
    const growth = page.getByRole('button', { name: /^Growth,/ })
    // Leadership or Growth.
    const anyCount = Number(await growth.locator('.tag-toggle-count').textContent())
    expect(anyCount).toBeGreaterThan(0)
    await page.goto(`${url}blog/tags/`)
    await appReady(page)
    const byName = await page.locator('.tag-cloud .tag-chip-name').allTextContents()
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })))
    await page.getByRole('link', { name: 'number of posts' }).click()
    await page.waitForURL(/sort=count/)
    await expect.poll(() => page.getByRole('link', { name: 'number of posts' }).getAttribute('aria-current')).toBe('true')
    const counts = (await page.locator('.tag-cloud .tag-chip-count').allTextContents()).map((text) => Number(text.replace(/\D/g, '')))
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    await page.close()
  })
})

describe('reading', () => {
  it('has a table of contents, heading anchors, progress, previous/next and related posts', async () => {
    const page = await open('blog/drawing-team-boundaries-on-purpose/')
    const toc = page.getByRole('navigation', { name: 'On this page' })
    const entries = await toc.locator('a').allTextContents()
    expect(entries.length).toBeGreaterThanOrEqual(3)
    // Beside the text on a wide screen.
    const tocBox = (await toc.boundingBox())!
    const bodyBox = (await page.locator('.post-body').boundingBox())!
    expect(tocBox.x).toBeGreaterThan(bodyBox.x + bodyBox.width)
    await toc.locator('a').nth(1).click()
    await expect.poll(() => page.evaluate(() => window.location.hash)).not.toBe('')
    expect(await page.locator('.post-body h2 .heading-anchor').first().getAttribute('aria-label')).toBe('Link to this section')
    const progress = await page.locator('.reading-progress').evaluate((node) => getComputedStyle(node).transform)
    expect(progress).not.toBe('matrix(0, 0, 0, 1, 0, 0)')
    expect(await page.getByRole('navigation', { name: 'More posts' }).getByRole('link').count()).toBe(2)
    expect(await page.locator('.related-posts li').count()).toBe(3)
    await page.close()
  })

  it('goes back to the list with its filter and scroll position', async () => {
    const page = await open('?tags=leadership')
    await page.setViewportSize({ width: 400, height: 700 })
    const last = page.locator('.post-card-title a').last()
    await last.scrollIntoViewIfNeeded()
    const scrolled = await page.evaluate(() => window.scrollY)
    expect(scrolled).toBeGreaterThan(200)
    const top = await last.evaluate((link) => Math.round(link.getBoundingClientRect().top))
    await last.click()
    await expect.poll(() => page.locator('.post-body').count()).toBe(1)
    await page.goBack()
    await page.waitForURL(/\?tags=leadership$/)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled)
    // The same card where it was: the cards above it (rendered only near the screen) kept their heights.
    await expect.poll(() => last.evaluate((link) => Math.round(link.getBoundingClientRect().top))).toBe(top)
    expect(await page.getByRole('button', { name: /^Leadership,/ }).getAttribute('aria-pressed')).toBe('true')
    await page.close()
  })

  it('switches theme with a button that says what it does, remembered across visits and applied before the page paints', async () => {
    const page = await open('')
    const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    const toggle = page.locator('.theme-toggle')
    const label = await toggle.innerText()
    expect(['Switch to dark theme', 'Switch to light theme']).toContain(label)
    await toggle.click()
    const after = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(after).not.toBe(before)
    expect(await toggle.innerText()).toBe(label === 'Switch to dark theme' ? 'Switch to light theme' : 'Switch to dark theme')
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(label === 'Switch to dark theme' ? 'dark' : 'light')
    const theme = await page.evaluate(() => document.documentElement.dataset.theme)
    // A new page: the theme is on <html> before any app script runs.
    const next = await context.newPage()
    await next.route(/\/assets\/.*\.js$/, (route) => route.abort())
    await next.goto(`${url}blog/${SEED}/`)
    expect(await next.evaluate(() => document.documentElement.dataset.theme)).toBe(theme)
    expect(await next.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(after)
    // Without the app, the stylesheet picks the label that fits the theme on screen.
    expect(await next.locator('.theme-toggle').innerText()).toBe(await toggle.innerText())
    await next.close()
    await page.evaluate(() => localStorage.removeItem('theme'))
    await page.close()
  })
})

describe('sharing', () => {
  it('copies the post link with a visible confirmation, and offers plain share links', async () => {
    const page = await open(`blog/${SEED}/`)
    await page.getByRole('button', { name: 'Copy link' }).click()
    expect(await page.getByRole('status').filter({ hasText: 'Link copied' }).first().textContent()).toBe('Link copied to the clipboard')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${url}blog/${SEED}/`)
    const links = page.getByRole('region', { name: 'Share this post' }).getByRole('link')
    expect(await links.allTextContents()).toEqual(['Email', 'LinkedIn', 'X'])
    expect(await links.nth(1).getAttribute('href')).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(`${url}blog/${SEED}/`)}`)
    // `comments: true`, but no provider is configured: nothing is shown or loaded.
    expect(await page.getByRole('heading', { name: 'Comments' }).count()).toBe(0)
    await page.close()
  })

  it('copies a quote link that opens the post scrolled to the marked quote', async () => {
    const page = await open(`blog/${SEED}/`)
    const quote = page.locator('blockquote.quote')
    await quote.hover()
    const control = quote.getByRole('link', { name: 'Copy a link to this quote' })
    expect(await control.isVisible()).toBe(true)
    await control.click()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toMatch(new RegExp(`^${url}blog/${SEED}/quote/q-[a-z0-9]+/$`))
    await page.close()

    const opened = await context.newPage()
    await opened.setViewportSize({ width: 1280, height: 600 })
    await opened.goto(link, { waitUntil: 'networkidle' })
    // The quote page moves on to the passage in the post.
    await opened.waitForURL(new RegExp(`/blog/${SEED}/#q-[a-z0-9]+$`))
    const marked = opened.locator('.passage-marked')
    await expect.poll(() => marked.count()).toBe(1)
    expect((await marked.textContent())?.trim()).toBe(QUOTE)
    const box = (await marked.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(600)
    expect(await opened.evaluate(() => window.scrollY)).toBeGreaterThan(0)
    await opened.close()

    // Its prerendered page unfurls as the quote, with a generated card.
    const path = new URL(link).pathname
    const head = fromHtml(readFileSync(`dist${path}index.html`, 'utf8'))
    const meta = (key: string) => selectAll(`meta[property="${key}"]`, head).map((node) => String(node.properties.content))
    expect(meta('og:description')).toEqual([`“${QUOTE}”`])
    expect(meta('og:image')[0]).toMatch(new RegExp(`/cards/${SEED}/q-[a-z0-9]+\\.png$`))
    const card = readFileSync(`dist/cards/${SEED}/${path.split('/').at(-2)}.png`)
    expect(card.subarray(1, 4).toString()).toBe('PNG')
  })

  it('gives a highlight a page that unfurls as its sentence, with its post\'s card', async () => {
    const page = await open(`blog/${SEED}/`)
    // The control has its own room just after the highlight, not inside it (issue 17).
    const highlight = page.locator('mark', { hasText: 'Set up regular check-ins' })
    await highlight.hover()
    const href = await highlight.locator('xpath=following-sibling::a[1]').and(page.getByRole('link', { name: 'Copy a link to this highlight' })).getAttribute('href')
    await page.close()
    expect(href).toMatch(new RegExp(`^/blog/${SEED}/quote/q-[a-z0-9]+/$`))
    const head = fromHtml(readFileSync(`dist${href}index.html`, 'utf8'))
    const meta = (key: string) => selectAll(`meta[property="${key}"]`, head).map((node) => String(node.properties.content))
    expect(meta('og:description')).toEqual(['“Set up regular check-ins on a specific cadence.”'])
    expect(meta('og:image')[0]).toMatch(new RegExp(`/cards/${SEED}\\.png$`))
    // One card per post and per block quote: none per highlight.
    expect(readdirSync(`dist/cards/${SEED}`)).toHaveLength(1)
  })
})

describe('keyboard and accessibility', () => {
  it('goes from the list to a post and back with the keyboard alone', async () => {
    const page = await open('')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    let focused = ''
    for (let step = 0; step < 40 && focused !== 'Ship small, learn fast'; step += 1) {
      await page.keyboard.press('Tab')
      focused = await page.evaluate(() => document.activeElement?.textContent ?? '')
    }
    expect(focused).toBe('Ship small, learn fast')
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!.closest('.post-card')!).outlineStyle)).toBe('solid')
    await page.keyboard.press('Enter')
    await expect.poll(() => heading(page)).toBe('Ship small, learn fast')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    // Back to the list through the site navigation.
    await page.keyboard.press('Shift+Tab')
    for (let step = 0; step < 10; step += 1) {
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Posts') break
      await page.keyboard.press('Shift+Tab')
    }
    await page.keyboard.press('Enter')
    await expect.poll(() => heading(page)).toBe('All posts')
    await page.close()
  })

  for (const theme of ['light', 'dark'] as const) {
    it.each([
      ['the list', ''],
      ['a filtered list', '?tags=leadership,growth&match=all'],
      ['a post', `blog/${SEED}/`],
      ['a post with code and a table', 'blog/feedback-that-actually-lands/'],
      ['the tags page', 'blog/tags/'],
      ['the not-found page', 'no/such/page'],
    ])(`has no axe violations on %s (${theme} theme)`, async (_, path) => {
      const page = await context.newPage()
      await page.emulateMedia({ colorScheme: theme })
      await page.goto(`${url}${path}`, { waitUntil: 'networkidle' })
      const violations = await axeViolations(page)
      expect(violations).toEqual([])
      await page.close()
    })
  }

  it('logged no console error', () => {
    expect(errors).toEqual([])
  })
})
