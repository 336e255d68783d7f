/**
 * Real Jekyll posts, built and read in a browser: the public portfolYOU corpus (when `../shared/corpus`
 * is beside the project) must show no raw template syntax and every highlight and figure as its
 * component; a fixture blog written for this project exercises every other construct.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { builtPosts, type BuiltPost } from './built-posts.ts'
import { appReady, buildSite, launchBrowser, serveBuild, watchErrors } from './browser.ts'

const CORPUS = resolve('../shared/corpus/portfolyou')
const FIXTURE = resolve('e2e/fixtures/jekyll-blog/_posts')
const ARTIFACTS = resolve('e2e/.artifacts')
const RAW_SYNTAX = /\{%|%\}|\{\{|\{:/

let context: BrowserContext
const servers: PreviewServer[] = []

async function site(postsDir: string, outDir: string) {
  await buildSite(postsDir, outDir)
  const served = await serveBuild(outDir)
  servers.push(served.server)
  const posts = await builtPosts(async (path) => (await fetch(`${served.url}${path}`)).text())
  return { url: served.url, posts }
}

async function openPost(page: Page, url: string) {
  // The page is prerendered: wait for its scripts as well, so leaving it aborts nothing.
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.locator('article.post h1').waitFor()
  await appReady(page)
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  context = await launchBrowser()
})

afterAll(async () => {
  await context?.close()
  await Promise.all(servers.map((server) => server.close()))
})

describe.runIf(existsSync(CORPUS))('the portfolYOU corpus', () => {
  let url: string
  let posts: BuiltPost[]
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.md')) : []

  beforeAll(async () => {
    ;({ url, posts } = await site(CORPUS, 'dist-corpus'))
  })

  it('publishes every post of the corpus', () => {
    expect(posts).toHaveLength(files.length)
  })

  it.each(files)('%s reads with no raw syntax and every element as its component', async (file) => {
    const source = readFileSync(join(CORPUS, file), 'utf8')
    const slug = file.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.md$/, '')
    const summary = posts.find((post) => post.slug === slug)!
    const page = await context.newPage()
    const errors = watchErrors(page)
    // Images of the corpus live on other sites; the test machine has no network.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort())
    if (summary.externalUrl) {
      await page.goto(url)
      const link = page.getByRole('link', { name: new RegExp(summary.title.replace(/[?]/g, '\\?')) })
      expect(await link.getAttribute('href')).toBe(summary.externalUrl)
      await page.close()
      return
    }
    await openPost(page, `${url}blog/${slug}/`)
    const main = page.locator('main')
    expect(await main.innerText()).not.toMatch(RAW_SYNTAX)
    await expect.poll(() => page.title()).toContain(summary.title)
    const highlights = source.match(/elements\/highlight\.html/g)?.length ?? 0
    const figures = source.match(/elements\/figure\.html/g)?.length ?? 0
    const gists = source.match(/\{% gist /g)?.length ?? 0
    expect(await page.locator('.post-body mark.highlight').count()).toBe(highlights)
    expect(await page.locator('.post-body figure.figure').count()).toBe(figures)
    expect(await page.locator('.post-body .gist-card a').count()).toBe(gists)
    if (figures > 0) expect(await page.locator('.post-body figure.figure figcaption').count()).toBe(figures)
    await page.screenshot({ path: join(ARTIFACTS, `corpus-${slug}.png`), fullPage: true })
    expect(errors.filter((error) => !error.includes('net::ERR_FAILED') && !error.includes('ERR_BLOCKED'))).toEqual([])
    await page.close()
  })
})

describe('a Jekyll blog with every construct', () => {
  let url: string
  let page: Page
  let errors: string[]
  const requests: string[] = []

  beforeAll(async () => {
    ;({ url } = await site(FIXTURE, 'dist-fixture'))
    page = await context.newPage()
    errors = watchErrors(page)
    page.on('request', (request) => requests.push(request.url()))
    // The test machine has no network: the player's page is answered here, once the reader asks for it.
    await page.route(/youtube-nocookie\.com/, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Player</title>' }))
  })

  it('opens a post at its own permalink, at /blog/<slug>, and at a slug that differs in case', async () => {
    await openPost(page, `${url}tour/elements/`)
    expect(await page.locator('h1').textContent()).toBe("A tour of the theme's elements")
    await openPost(page, `${url}blog/elements-tour`)
    expect(await page.locator('h1').textContent()).toBe("A tour of the theme's elements")
    // No such file: the host serves 404.html, and the app finds the post by its slug in other case.
    await openPost(page, `${url}blog/Elements-Tour/`)
    expect(await page.locator('h1').textContent()).toBe("A tour of the theme's elements")
  })

  it('renders buttons, highlights with HTML, the kramdown TOC and table attributes', async () => {
    const body = page.locator('.post-body')
    const button = body.getByRole('link', { name: 'Start here' })
    expect(await button.getAttribute('href')).toBe('https://example.com/start')
    expect(await button.getAttribute('data-button-style')).toBe('primary')
    expect(await body.locator('mark.highlight a:not(.passage-link)').getAttribute('href')).toBe('https://example.com/docs')
    expect(await body.locator('nav.toc a').allTextContents()).toEqual(['Buttons and highlights', 'Video and carousel', 'Lists', 'Code'])
    expect(await body.locator('table.author-habits mark.highlight').textContent()).toBe('Weekly 1:1s')
    expect(await body.locator('table').innerText()).toContain('🤝')
  })

  it('loads nothing from YouTube until the reader presses play', async () => {
    const video = page.locator('.post-body .video')
    expect(await video.locator('iframe').count()).toBe(0)
    expect(requests.filter((request) => /youtube|ytimg/.test(request))).toEqual([])
    await video.getByRole('button', { name: 'Play video' }).click()
    expect(await video.locator('iframe').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1')
  })

  it('has a carousel that buttons and arrow keys move, without autoplay', async () => {
    const carousel = page.locator('.post-body section.carousel')
    await carousel.waitFor()
    expect(await carousel.locator('img').count()).toBe(2)
    const position = carousel.locator('[aria-live="polite"]')
    expect(await position.textContent()).toBe('1 / 2')
    await page.waitForTimeout(300)
    expect(await position.textContent()).toBe('1 / 2')
    await carousel.getByRole('button', { name: 'Next slide' }).click()
    expect(await position.textContent()).toBe('2 / 2')
    await carousel.locator('.carousel-track').press('ArrowRight')
    expect(await position.textContent()).toBe('1 / 2')
  })

  it('renders list groups, post_url links and captured content of a site-specific include', async () => {
    const body = page.locator('.post-body')
    expect(await body.locator('nav.list-group a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      '#buttons-and-highlights',
      '#video-and-carousel',
    ])
    expect(await body.getByRole('link', { name: 'Related post' }).getAttribute('href')).toBe('/blog/hand-written-date/')
    expect(await body.getByRole('link', { name: 'the next post' }).getAttribute('href')).toBe('/blog/hand-written-date/')
    expect(await body.innerText()).toContain('The answer is peers.')
  })

  it('highlights code at build time, shows raw blocks literally, drops comments', async () => {
    const body = page.locator('.post-body')
    expect(await body.locator('pre code.language-ruby .hljs-keyword').first().textContent()).toBe('def')
    expect(await body.innerText()).toContain('Templates use {{ page.title }} and {% if %} tags.')
    expect(await body.innerText()).not.toContain('for the author only')
    const image = body.getByRole('img', { name: 'Team diagram' })
    expect([await image.getAttribute('width'), await image.getAttribute('height'), await image.getAttribute('loading')]).toEqual(['480', '270', 'lazy'])
    expect(await body.locator('.footnotes li').innerText()).toContain('Footnotes work too.')
  })

  it('reads hand-written dates, a title map, a blank line before front matter and raw HTML', async () => {
    await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true))
    await page.getByRole('link', { name: 'the next post' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dates written by hand')
    // A link to another post of the blog navigates inside the app: the page was not reloaded.
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true)
    expect(await page.locator('.post-header time').textContent()).toBe('October 30, 2021')
    const body = page.locator('.post-body')
    expect(await body.locator('div[align="center"] strong').textContent()).toBe('centered')
    await body.locator('summary').click()
    expect(await body.locator('details').innerText()).toContain('Hidden details ☕ 🕺')
    expect(await body.locator('input[type="checkbox"]').count()).toBe(2)
    expect(await body.locator('del').textContent()).toBe('Strikethrough')
  })

  it('runs Liquid logic before markdown, as Jekyll does', async () => {
    await openPost(page, `${url}blog/liquid-logic/`)
    const body = page.locator('.post-body')
    expect(await body.getByRole('link', { name: 'the setup guide' }).getAttribute('href')).toBe('/docs/setup/')
    const text = await body.innerText()
    expect(text).toContain('Only this branch is shown.')
    expect(text).not.toContain('This extra paragraph is hidden.')
    expect(await body.locator('em', { hasText: 'captured' }).count()).toBe(1)
    expect(await body.getByRole('link', { name: 'a link' }).getAttribute('href')).toBe('https://example.com/note')
    expect(await body.locator('ul.author-tag-list li').allTextContents()).toEqual(['liquid'])
    // A button with no `text` says what the theme's says, never "undefined".
    expect(await body.getByRole('link', { name: 'Button' }).getAttribute('href')).toBe('https://example.com/more')
    expect(await body.getByRole('heading', { name: 'Other posts' }).count()).toBe(1)
    expect(await body.getByRole('link', { name: 'Liquid logic, as Jekyll runs it' }).getAttribute('href')).toBe('/blog/liquid-logic/')
    expect(text).not.toMatch(RAW_SYNTAX)
    expect(text).not.toContain('undefined')
    await body.getByRole('link', { name: 'the notes' }).click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#notes')
    expect(await page.locator('#notes').count()).toBe(1)
    expect(await body.locator('a[name]').count()).toBe(0)
  })

  it('plays a YouTube playlist only when the reader presses play', async () => {
    const video = page.locator('.post-body .video')
    expect(await video.getByRole('link', { name: 'Playlist on YouTube' }).getAttribute('href')).toBe(
      'https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG',
    )
    await video.getByRole('button', { name: 'Play video' }).click()
    expect(await video.locator('iframe').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&autoplay=1')
  })

  it('lists a file without front matter and links external posts out', async () => {
    await page.goto(url)
    await page.locator('.post-card').first().waitFor()
    expect(await page.locator('.post-card-title').allTextContents()).toContain('No Front Matter')
    const external = page.locator('.post-card', { hasText: 'External only' }).locator('a').first()
    expect(await external.getAttribute('href')).toBe('https://example.com/external')
    expect(await page.locator('main').innerText()).not.toMatch(RAW_SYNTAX)
  })

  it('logged no console error', () => {
    expect(errors).toEqual([])
  })
})
