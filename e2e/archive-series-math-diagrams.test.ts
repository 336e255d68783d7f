/**
 * The blog's content beyond the list and the post, against the production build and a build under
 * /my-blog/: the archive and a year page, a series post with its parts in order, a math post read with
 * JavaScript off (KaTeX's markup and stylesheet, no math script), and a Mermaid diagram drawn once it is
 * scrolled near (and no Mermaid code on a post without one). Any console error fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { appReady, axeViolations, buildSite, launchBrowser, serveBuild, watchErrors } from './browser.ts'
import { serveStatic } from './static-host.ts'

const SERIES_PARTS = [
  ['what-to-measure-about-delivery', 'Measuring delivery, part 1: what to measure and why'],
  ['littles-law-for-engineering-teams', "Measuring delivery, part 2: Little's law for engineering teams"],
  ['mapping-the-path-to-production', 'Measuring delivery, part 3: mapping the path to production'],
] as const
const MATH_POST = 'littles-law-for-engineering-teams'
const DIAGRAM_POST = 'mapping-the-path-to-production'
/** The post page's budget for JavaScript loaded on a first visit, gzip. */
const POST_JS_BUDGET = 110 * 1024

let scripted: BrowserContext
let scriptless: BrowserContext

beforeAll(async () => {
  scripted = await launchBrowser()
  scriptless = await launchBrowser({ javaScriptEnabled: false })
})

afterAll(async () => {
  await scripted?.close()
  await scriptless?.close()
})

describe.each([
  {
    name: 'the production build',
    base: '/',
    serve: async () => {
      const { server, url } = await serveBuild('dist')
      return { url, close: async () => void server.close() }
    },
  },
  {
    name: 'a build under /my-blog/',
    base: '/my-blog/',
    serve: async () => {
      await buildSite(undefined, join('dist-content', 'my-blog'), { BASE_PATH: '/my-blog/' })
      const { server, url } = await serveStatic('dist-content', '/my-blog/')
      return {
        url,
        close: async () => {
          server.closeAllConnections()
          await new Promise<void>((resolve) => void server.close(() => resolve()))
        },
      }
    },
  },
])('$name', ({ base, serve }) => {
  let url: string
  let close: () => Promise<void>
  let page: Page
  let plain: Page
  let errors: string[]

  beforeAll(async () => {
    const served = await serve()
    url = served.url
    close = served.close
    page = await scripted.newPage()
    errors = watchErrors(page)
    plain = await scriptless.newPage()
  })

  afterAll(async () => {
    await page?.close()
    await plain?.close()
    await close?.()
  })

  describe('archive', () => {
    it('lists years and months with counts, without JavaScript', async () => {
      await plain.goto(`${url}blog/archive/`)
      expect(await plain.locator('h1').textContent()).toBe('Archive')
      expect(await plain.locator('.archive-summary').textContent()).toBe('8 posts in 3 years')
      expect(await plain.locator('.archive-year h2').allTextContents()).toEqual(['2025 3 posts', '2024 2 posts', '2023 3 posts'])
      const months2025 = plain.locator('.archive-year').first().locator('li')
      expect(await months2025.allTextContents()).toEqual(['March 1', 'February 1', 'January 1'])
      expect(await months2025.first().locator('a').getAttribute('href')).toBe(`${base}blog/archive/2025/#2025-03`)
      expect(await plain.locator('.archive-undated').textContent()).toBe('1 post without a date is in the list of posts only.')
    })

    it('gives each year a page of its own, its posts by month', async () => {
      await plain.goto(`${url}blog/archive/2023/`)
      expect(await plain.locator('h1').textContent()).toBe('2023')
      expect(await plain.locator('.archive-month h2').allTextContents()).toEqual(['November 2023 1 post', 'July 2023 1 post', 'February 2023 1 post'])
      const first = plain.locator('.archive-posts a').first()
      expect(await first.textContent()).toBe('Drawing team boundaries on purpose')
      expect(await first.getAttribute('href')).toBe(`${base}blog/drawing-team-boundaries-on-purpose/`)
    })

    it('is linked from the list, and a year opens in the app', async () => {
      await page.goto(url)
      await appReady(page)
      await page.getByRole('link', { name: 'Archive' }).click()
      await expect.poll(() => page.locator('h1').textContent()).toBe('Archive')
      expect(new URL(page.url()).pathname).toBe(`${base}blog/archive/`)
      await page.getByRole('link', { name: '2024', exact: true }).click()
      await expect.poll(() => page.locator('h1').textContent()).toBe('2024')
      expect(await page.locator('.archive-posts a').allTextContents()).toEqual(['Ship small, learn fast', 'One-on-ones that are not status updates'])
      expect(errors).toEqual([])
    })

    it('answers a year without posts with not found', async () => {
      await page.goto(`${url}blog/archive/1999/`)
      await appReady(page)
      await expect.poll(() => page.locator('h1').textContent()).toBe('Year not found')
      // The host's 404 answers for the page and its data file are what this test asks for.
      expect(errors.every((error) => error.includes('status of 404'))).toBe(true)
      errors.length = 0
    })
  })

  describe('series', () => {
    it('shows "Part 2 of 3" and every part in order on a post, without JavaScript', async () => {
      await plain.goto(`${url}blog/${SERIES_PARTS[1][0]}/`)
      const nav = plain.locator('nav.series-nav')
      expect(await nav.locator('.series-nav-heading').textContent()).toBe('Part 2 of 3 in the series Measuring delivery')
      expect(await nav.locator('.series-nav-heading a').getAttribute('href')).toBe(`${base}blog/series/measuring-delivery/`)
      expect(await nav.locator('li').allTextContents()).toEqual(SERIES_PARTS.map(([, title]) => title))
      expect(await nav.locator('li a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
        `${base}blog/${SERIES_PARTS[0][0]}/`,
        `${base}blog/${SERIES_PARTS[2][0]}/`,
      ])
      expect(await nav.locator('[aria-current="page"]').textContent()).toBe(SERIES_PARTS[1][1])
    })

    it('lists one series on its page, in order', async () => {
      await plain.goto(`${url}blog/series/measuring-delivery/`)
      expect(await plain.locator('h1').textContent()).toBe('Measuring delivery')
      expect(await plain.locator('.series-page-kind').textContent()).toBe('A series in 3 parts')
      expect(await plain.locator('.series-page-parts h2').allTextContents()).toEqual(SERIES_PARTS.map(([, title]) => title))
    })

    it('moves between parts in the app', async () => {
      await page.goto(`${url}blog/${SERIES_PARTS[0][0]}/`)
      await appReady(page)
      await page.locator('nav.series-nav').getByRole('link', { name: SERIES_PARTS[2][1] }).click()
      await expect.poll(() => page.locator('.series-nav-heading').textContent()).toBe('Part 3 of 3 in the series Measuring delivery')
      expect(errors).toEqual([])
    })
  })

  describe('math', () => {
    it('is typeset in the page with JavaScript off: KaTeX markup, its stylesheet and fonts, no script', async () => {
      const requested: string[] = []
      plain.on('request', (request) => requested.push(request.url()))
      await plain.goto(`${url}blog/${MATH_POST}/`)
      await plain.evaluate(() => document.fonts.ready)
      expect(await plain.locator('.math-display .katex-display').count()).toBe(3)
      expect(await plain.locator('.math-inline .katex').count()).toBe(5)
      expect(await plain.locator('.math-display annotation').first().textContent()).toBe('L = \\lambda W')
      // KaTeX's stylesheet applies: its own fonts, from this site.
      expect(await plain.locator('.katex .mathnormal').first().evaluate((node) => getComputedStyle(node).fontFamily)).toBe('KaTeX_Math')
      expect(requested.some((address) => /\/assets\/math-[\w-]+\.css$/.test(address))).toBe(true)
      expect(requested.some((address) => /\/assets\/KaTeX_Math-Italic-[\w-]+\.woff2$/.test(address))).toBe(true)
      // Its faces name their WOFF2 files only: the build copies no WOFF or TrueType twins (woff2-only.ts).
      const faces = await plain.evaluate(() =>
        Array.from(document.styleSheets).filter((sheet) => sheet.href?.includes('/assets/math-')).flatMap((sheet) => Array.from(sheet.cssRules).filter((rule) => rule instanceof CSSFontFaceRule).map((rule) => rule.cssText)),
      )
      expect(faces.length).toBeGreaterThan(15)
      for (const face of faces) expect(face.match(/format\("[\w-]+"\)/g)).toEqual(['format("woff2")'])
      expect(requested.every((address) => address.startsWith(url))).toBe(true)
    })

    it('loads no math or diagram code with JavaScript on, and stays in the first-load budget', async () => {
      // Each script's body is read while the page is still open, and every read is awaited below.
      const reads: Array<Promise<{ address: string; bytes: number }>> = []
      const listener = (response: import('playwright-core').Response) => {
        if (response.request().resourceType() !== 'script' || response.status() !== 200) return
        reads.push(response.body().then((body) => ({ address: response.url(), bytes: gzipSync(body).length })))
      }
      // From a blank page, so no late response of the page before is counted.
      await page.goto('about:blank')
      page.on('response', listener)
      await page.goto(`${url}blog/${MATH_POST}/`)
      await appReady(page)
      await page.mouse.wheel(0, 5000)
      await page.waitForTimeout(800)
      page.off('response', listener)
      const settled = await Promise.allSettled(reads)
      expect(settled.filter((read) => read.status === 'rejected')).toEqual([])
      const scripts = settled.flatMap((read) => (read.status === 'fulfilled' ? [read.value] : []))
      expect(scripts.filter(({ address }) => /katex|mermaid|dagre|flowDiagram/i.test(address))).toEqual([])
      // Only `npm run build` is measured: a build made inside the test runner bundles React's development
      // build (the runner sets NODE_ENV=test), which is larger.
      if (base === '/') expect(scripts.reduce((sum, { bytes }) => sum + bytes, 0)).toBeLessThanOrEqual(POST_JS_BUDGET)
      expect(errors).toEqual([])
    })

    it('does not link KaTeX’s stylesheet on a post without math', async () => {
      await plain.goto(`${url}blog/ship-small-learn-fast/`)
      expect(await plain.locator('link[href*="/assets/math-"]').count()).toBe(0)
    })
  })

  describe('diagrams', () => {
    it('draws a Mermaid diagram once it is scrolled near, with its code readable before', async () => {
      const phone = await scripted.newPage()
      await phone.setViewportSize({ width: 360, height: 640 })
      const phoneErrors = watchErrors(phone)
      const requested: string[] = []
      phone.on('request', (request) => requested.push(request.url()))
      await phone.goto(`${url}blog/${DIAGRAM_POST}/`)
      await appReady(phone)
      await phone.waitForTimeout(500)
      const figure = phone.locator('figure.mermaid-diagram')
      expect(await figure.locator('pre code').textContent()).toContain('idea[Ticket ready] --> code[Write the change]')
      expect(await figure.locator('svg').count()).toBe(0)
      // The diagram's small frame has loaded with the page; Mermaid itself has not.
      expect(requested.filter((address) => /mermaid-render|flowDiagram|dagre/i.test(address))).toEqual([])

      await figure.scrollIntoViewIfNeeded()
      await figure.locator('.mermaid-svg svg').waitFor({ timeout: 20_000 })
      expect(await figure.getAttribute('data-state')).toBe('drawn')
      expect(await figure.locator('.mermaid-svg svg text, .mermaid-svg svg tspan').allTextContents()).toContain('Ticket ready')
      // No HTML labels: nothing in the diagram is HTML inside the SVG.
      expect(await figure.locator('foreignObject').count()).toBe(0)
      expect(requested.some((address) => /mermaid-render-[\w-]+\.js$/.test(address))).toBe(true)
      expect(phoneErrors).toEqual([])
      await phone.close()
    })

    it('keeps the code readable with JavaScript off', async () => {
      await plain.goto(`${url}blog/${DIAGRAM_POST}/`)
      expect(await plain.locator('figure.mermaid-diagram pre code').textContent()).toContain('flowchart TD')
    })
  })

  it.each(['light', 'dark'] as const)('passes axe on the archive, a series post with math and the diagram, %s theme', async (theme) => {
    await page.emulateMedia({ colorScheme: theme })
    for (const path of ['blog/archive/', 'blog/archive/2025/', `blog/${MATH_POST}/`, 'blog/series/measuring-delivery/', `blog/${DIAGRAM_POST}/`]) {
      await page.goto(`${url}${path}`)
      await appReady(page)
      if (path.includes(DIAGRAM_POST)) {
        await page.locator('figure.mermaid-diagram').scrollIntoViewIfNeeded()
        await page.locator('.mermaid-svg svg').waitFor({ timeout: 20_000 })
      }
      expect(await axeViolations(page), path).toEqual([])
    }
    expect(errors).toEqual([])
  })
})
