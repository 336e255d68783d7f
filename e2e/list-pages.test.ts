/**
 * A list longer than a page, built under a sub-path and served as a static host serves it: every page
 * of the list and of each tag is prerendered and reads without JavaScript; the first load inlines one
 * page and fetches nothing; paging, filters and search load only what they need, on demand, and still
 * cover every post; page links are real URLs that survive reload, Back and Forward.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { Server } from 'node:http'
import { appReady, axeViolations, buildSite, launchBrowser, watchErrors } from './browser.ts'
import { serveStatic } from './static-host.ts'

const BASE = '/notes/'
const OUT = 'dist-list-pages'
const COUNT = 45

// 45 notes, one a day: Alpha on 30 of them (two pages), Beta and Gamma on 15; one rare word, and one
// Japanese sentence (no spaces between its words).
const folder = mkdtempSync(join(tmpdir(), 'reader-list-pages-'))
for (let index = 0; index < COUNT; index += 1) {
  const date = new Date(Date.UTC(2021, 0, 1 + index)).toISOString().slice(0, 10)
  const tags = index % 3 === 0 ? '[Alpha, Beta]' : index % 3 === 1 ? '[Alpha]' : '[Gamma]'
  const rare = index === 2 ? ' It mentions a xylophone once.' : index === 5 ? ' 週末に京都の寺を訪ねました。' : ''
  writeFileSync(join(folder, `${date}-note-${index + 1}.md`), `---\ntitle: Note ${index + 1}\ntags: ${tags}\ndescription: The summary of note ${index + 1}.\n---\nPlain words about the team, note ${index + 1}.${rare}\n`)
}

let context: BrowserContext
let server: Server
let url: string
const watched: string[][] = []
/** The list's URL with this query: the base path with or without its slash, as the router writes it. */
const atList = (search: string) => (current: URL) => current.pathname.replace(/\/$/, '') === BASE.replace(/\/$/, '') && current.search === search
const titles = (page: Page) => page.locator('.post-card-title').allTextContents()
const notes = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, index) => `Note ${from - index}`)

async function open(path: string, requests: string[] = [], watch = true): Promise<Page> {
  const page = await context.newPage()
  if (watch) watched.push(watchErrors(page))
  page.on('request', (request) => {
    if (request.url().includes('/data/')) requests.push(new URL(request.url()).pathname.replace(`${BASE}data/`, ''))
  })
  await page.goto(`${url}${path}`, { waitUntil: 'networkidle' })
  await appReady(page)
  return page
}

beforeAll(async () => {
  await buildSite(folder, join(OUT, BASE), { BASE_PATH: BASE })
  ;({ server, url } = await serveStatic(OUT, BASE))
  context = await launchBrowser()
}, 300_000)

afterAll(async () => {
  await context?.close()
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  rmSync(folder, { recursive: true, force: true })
})

describe('a list of several pages', () => {
  it('reads page by page with JavaScript off, for the whole list and for a tag', async () => {
    const offContext = await launchBrowser({ javaScriptEnabled: false })
    const off = await offContext.newPage()
    await off.goto(url)
    expect(await titles(off)).toEqual(notes(45, 26))
    expect(await off.locator('.result-count').textContent()).toBe('45 posts, showing 1–20')
    expect(await off.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Page 1' }).getAttribute('aria-current')).toBe('page')
    await off.getByRole('link', { name: 'Next page' }).click()
    await off.waitForURL(`${url}page/2/`)
    expect(await titles(off)).toEqual(notes(25, 6))
    await off.getByRole('link', { name: 'Page 3' }).click()
    expect(await titles(off)).toEqual(notes(5, 1))
    await expect.poll(() => off.title()).toBe('All posts, page 3 · Peer Notes')
    await off.goto(`${url}blog/tags/alpha/`)
    expect(await off.locator('.post-card').count()).toBe(20)
    await off.getByRole('link', { name: 'Next page' }).click()
    await off.waitForURL(`${url}blog/tags/alpha/page/2/`)
    expect(await off.locator('.result-count').textContent()).toBe('30 posts, showing 21–30')
    expect(await off.locator('.post-card').count()).toBe(10)
    await offContext.close()
  })

  it('inlines the first page, fetches only every tag’s first page once idle, and one small file per page', async () => {
    const requests: string[] = []
    const page = await open('', requests)
    await expect.poll(() => requests).toEqual(['list/tag-pages.json'])
    // By keyboard: a pointer left where the link was would rest on a card of the next page, whose
    // hover prefetches that post.
    await page.getByRole('link', { name: 'Next page' }).press('Enter')
    await page.waitForURL(`${url}page/2/`)
    await expect.poll(() => titles(page)).toEqual(notes(25, 6))
    expect(requests).toEqual(['list/tag-pages.json', 'list/all/2.json'])
    // The new page starts at its heading, for the keyboard and screen readers; the count is announced.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    expect(await page.getByRole('status').textContent()).toBe('45 posts, showing 21–40')
    await expect.poll(() => page.title()).toBe('All posts, page 2 · Peer Notes')
    await page.goBack()
    await expect.poll(() => titles(page)).toEqual(notes(45, 26))
    await page.goForward()
    await expect.poll(() => titles(page)).toEqual(notes(25, 6))
    await page.close()
  })

  it('filters every post: one tag from the file of every tag’s first page, several from every post’s tags, loaded once, and the cards shown', async () => {
    const requests: string[] = []
    const page = await open('page/3/', requests)
    await expect.poll(() => requests).toEqual(['list/tag-pages.json'])
    await page.getByRole('button', { name: /^Alpha,/ }).click()
    await page.waitForURL(atList('?tags=alpha'))
    await expect.poll(() => page.getByRole('status').textContent()).toBe('30 posts, showing 1–20')
    expect(requests).toEqual(['list/tag-pages.json'])
    await page.getByRole('button', { name: /^Gamma,/ }).click()
    await page.waitForURL(atList('?tags=alpha,gamma'))
    await expect.poll(() => page.getByRole('status').textContent()).toBe('45 posts, showing 1–20')
    // A tag's count is how many posts carry it (within the search, when there is one), whatever else is chosen.
    expect(await page.getByRole('button', { name: /^Beta,/ }).locator('.tag-toggle-count').textContent()).toBe('15')
    await page.getByRole('link', { name: 'Page 3' }).click()
    await page.waitForURL(atList('?tags=alpha,gamma&page=3'))
    await expect.poll(() => titles(page)).toEqual(notes(5, 1))
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    // The cards' excerpts arrive with them.
    await expect.poll(() => page.locator('.post-card-excerpt').first().textContent()).toBe('The summary of note 5.')
    await page.getByRole('radio', { name: 'all of these tags' }).click()
    await page.waitForURL(atList('?tags=alpha,gamma&match=all'))
    await expect.poll(() => page.locator('.empty-state').textContent()).toContain('No posts are tagged “Alpha” and “Gamma”.')
    // With "all", a tag that would leave no post is dimmed, and says so.
    const beta = page.getByRole('button', { name: 'Beta, 15 posts, none with the chosen tags' })
    expect(await beta.getAttribute('data-leaves-none')).toBe('true')
    expect(requests.filter((request) => request.includes('post-tags'))).toEqual(['list/post-tags.json'])
    // The cards of the pages shown (posts 1-20 and 41-45 of the list), each chunk once; never the catalog.
    expect(requests.filter((request) => request.startsWith('list/cards/'))).toEqual(['list/cards/0.json', 'list/cards/2.json'])
    // Nothing else of the list (a post's data may be prefetched when the pointer rests on its card).
    expect(requests.filter((request) => !/^(list\/(tag-pages|post-tags|cards\/\d+)|posts\/[\w-]+)\.json$/.test(request))).toEqual([])
    await page.reload({ waitUntil: 'networkidle' })
    await appReady(page)
    expect(await page.getByRole('radio', { name: 'all of these tags' }).isChecked()).toBe(true)
    await page.close()
  })

  it('searches every post’s text, loading only the shard its word needs', async () => {
    const requests: string[] = []
    const page = await open('', requests)
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('xylophone')
    await page.waitForURL(atList('?q=xylophone'))
    await expect.poll(() => titles(page)).toEqual(['Note 3'])
    // No title, description or tag has a word in "x": the first index has no shard to load, the body's has.
    expect(requests.filter((request) => request.startsWith('search/'))).toEqual(['search/first/docs.json', 'search/body/docs.json', 'search/body/78.json'])
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('note')
    await expect.poll(() => page.getByRole('status').textContent()).toBe('45 posts, showing 1–20')
    expect(await page.locator('.post-card .search-match').first().textContent()).toBe('Note')
    await page.close()
  })

  // The first page files of short words are written for lists of more than 2,000 posts only
  // (src/content/emit/search-index.ts, whose unit tests check their pages); a list this small takes its
  // cards from the card chunks, all of them once the reader pauses.
  it('shows a short word’s first page with each card’s own excerpt, from the card chunks in a list this small', async () => {
    const requests: string[] = []
    const page = await open('', requests)
    const field = page.getByRole('searchbox', { name: 'Search posts' })
    const shown = async () => {
      const cards = await page.locator('.post-card').evaluateAll((articles) =>
        articles.map((article) => `${article.querySelector('.post-card-title')?.textContent} / ${article.querySelector('.post-card-excerpt')?.textContent}`),
      )
      return { status: await page.getByRole('status').textContent(), cards, chunks: requests.filter((request) => request.startsWith('list/cards/')).sort() }
    }
    const chunks = ['list/cards/0.json', 'list/cards/1.json', 'list/cards/2.json']
    // Every note has "note" in its title and description, once: equal scores, in list order (newest first).
    const firstPage = notes(45, 26).map((title) => `${title} / The summary of note ${title.slice(5)}.`)
    await field.press('n')
    await expect.poll(shown).toEqual({ status: '45 posts, showing 1–20', cards: firstPage, chunks })
    // Longer words find the same posts: their cards are those, with no other request.
    await field.press('o')
    await field.press('t')
    await page.waitForURL(atList('?q=not'))
    await expect.poll(shown).toEqual({ status: '45 posts, showing 1–20', cards: firstPage, chunks })
    // Another word's posts come from the chunks already loaded: Beta's (every third note from the first).
    await field.fill('be')
    const beta = Array.from({ length: 15 }, (_, index) => 43 - index * 3).map((note) => `Note ${note} / The summary of note ${note}.`)
    await expect.poll(shown).toEqual({ status: '15 posts', cards: beta, chunks })
    expect(requests.filter((request) => request.startsWith('search/first/pages/'))).toEqual([])
    await page.close()
  })

  it('finds a Japanese word of a post, split from its sentence alike at build time and in the browser', async () => {
    const page = await open('')
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('京都')
    await page.waitForURL(atList(`?q=${encodeURIComponent('京都')}`))
    await expect.poll(() => titles(page)).toEqual(['Note 6'])
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('寺')
    await expect.poll(() => titles(page)).toEqual(['Note 6'])
    await page.close()
  })

  it('shows a tag’s posts in the frame of the click; the address follows, and Back returns', async () => {
    const requests: string[] = []
    const page = await open('', requests)
    await expect.poll(() => requests).toEqual(['list/tag-pages.json'])
    // Clicked and looked at before the next frame is painted: the list has changed already.
    const shown = await page.evaluate(async () => {
      const button = Array.from(document.querySelectorAll<HTMLButtonElement>('button.tag-toggle')).find((toggle) => toggle.textContent?.startsWith('Gamma'))!
      button.click()
      await Promise.resolve()
      const seen = { count: document.querySelector('.result-count')?.textContent, heading: document.querySelector('h1')?.textContent, pressed: button.getAttribute('aria-pressed') }
      await new Promise(requestAnimationFrame)
      return seen
    })
    expect(shown).toEqual({ count: '15 posts', heading: 'Posts tagged Gamma', pressed: 'true' })
    await page.waitForURL(atList('?tags=gamma'))
    expect(await titles(page)).toEqual(notes(45, 3).filter((_, index) => index % 3 === 0))
    await page.goBack()
    await page.waitForURL(atList(''))
    await expect.poll(() => page.getByRole('status').textContent()).toBe('45 posts, showing 1–20')
    await page.goForward()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('15 posts')
    expect(await page.getByRole('button', { name: /^Gamma,/ }).getAttribute('aria-pressed')).toBe('true')
    await page.close()
  })

  it('says when a page is past the end, and links to the first', async () => {
    const page = await open('?tags=alpha&page=9')
    expect(await page.locator('.empty-state').textContent()).toContain('There is no page 9 here: this list has 2 pages.')
    await page.getByRole('link', { name: 'Go to the first page' }).click()
    await page.waitForURL(atList('?tags=alpha'))
    await expect.poll(() => page.locator('.post-card').count()).toBe(20)
    await page.close()
  })

  it('refuses list data of another deploy than the page’s, and says to reload', async () => {
    // The page fails on purpose: its console is not watched.
    const page = await open('', [], false)
    await page.route(/\/data\/list\/post-tags\.json/, async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, json: { ...(await response.json()), v: 'another-deploy' } })
    })
    await page.getByRole('button', { name: /^Alpha,/ }).click()
    await page.waitForURL(atList('?tags=alpha'))
    await page.getByRole('button', { name: /^Beta,/ }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('the blog has been updated since this page was opened')
    await page.close()
  })

  it('has no axe violations on a paged list', async () => {
    const page = await open('page/2/')
    const violations = await axeViolations(page)
    expect(violations).toEqual([])
    await page.close()
  })

  it('logged no console error', () => {
    expect(watched.flat()).toEqual([])
  })
})
