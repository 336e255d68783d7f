/**
 * Math and diagrams from posts are untrusted: a fixture blog with hostile and broken ones builds (with
 * warnings, not errors), and in the browser nothing of them runs, links or loads from elsewhere.
 */
import { resolve, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { appReady, buildSite, launchBrowser, serveBuild, watchErrors } from './browser.ts'

const FIXTURE = resolve('e2e/fixtures/hostile-content/_posts')

let context: BrowserContext
let server: PreviewServer
let url: string
let page: Page
let errors: string[]
const requested: string[] = []

beforeAll(async () => {
  await buildSite(FIXTURE, join('dist-content', 'hostile'))
  const served = await serveBuild(join('dist-content', 'hostile'))
  server = served.server
  url = served.url
  context = await launchBrowser()
  page = await context.newPage()
  errors = watchErrors(page)
  page.on('request', (request) => requested.push(request.url()))
})

afterAll(async () => {
  await context?.close()
  server?.httpServer.close()
})

describe('hostile math', () => {
  it('shows refused commands and unreadable TeX in place, links nothing and runs nothing', async () => {
    await page.goto(`${url}blog/hostile-math/`)
    await appReady(page)
    expect(await page.locator('.post-body a').count()).toBe(0)
    expect(await page.locator('.post-body [href]').count()).toBe(0)
    // The macro bomb and the unclosed \frac: KaTeX's error markup, with the TeX as written.
    expect(await page.locator('.katex-error').allTextContents()).toEqual(['\\def\\a{\\a\\a}\\a', '\\frac{1}{'])
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(errors).toEqual([])
  })
})

describe('hostile diagrams', () => {
  it('draws the diagram as SVG text: no HTML label, no handler, nothing loaded from elsewhere', async () => {
    await page.goto(`${url}blog/hostile-diagram/`)
    await appReady(page)
    const svg = page.locator('.mermaid-svg svg')
    await svg.waitFor({ timeout: 20_000 })
    expect(await svg.locator('foreignObject, img, script, a').count()).toBe(0)
    const markup = await svg.evaluate((node) => node.outerHTML)
    expect(markup).not.toMatch(/onerror|onclick|javascript:|tracker\.invalid/i)
    await svg.locator('g.node').first().click()
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(requested.filter((address) => !address.startsWith(url))).toEqual([])
    expect(errors).toEqual([])
  })

  it('says a diagram could not be drawn, and keeps its code', async () => {
    await page.goto(`${url}blog/broken-diagram/`)
    await appReady(page)
    const caption = page.locator('figure.mermaid-diagram figcaption')
    await caption.waitFor({ timeout: 20_000 })
    expect(await caption.textContent()).toMatch(/^This diagram could not be drawn: .*Parse error/s)
    expect(await page.locator('figure.mermaid-diagram pre code').textContent()).toContain('A --> --> B')
    // Mermaid's own error drawing stays out of the page.
    expect(await page.locator('body > [id^="dmermaid"], body > svg').count()).toBe(0)
  })
})
