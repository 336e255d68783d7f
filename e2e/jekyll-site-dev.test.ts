/**
 * The dev server on a site folder (`SITE_DIR`): static files served from the folder at their own paths
 * (nothing copied), pages rendered when asked for, posts at their Jekyll URLs, and edits of a page and
 * of `_config.yml` picked up as edits of posts are.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { launchBrowser } from './browser.ts'

const folder = mkdtempSync(join(tmpdir(), 'reader-site-'))
const siteDir = join(folder, 'my-blog')
const edit = (path: string, change: (text: string) => string) => writeFileSync(join(siteDir, path), change(readFileSync(join(siteDir, path), 'utf8')))

let server: ViteDevServer
let context: BrowserContext
let page: Page
let url: string

beforeAll(async () => {
  cpSync(resolve('e2e/fixtures/jekyll-site'), siteDir, { recursive: true })
  process.env.SITE_DIR = siteDir
  server = await createServer({ logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } })
  await server.listen()
  delete process.env.SITE_DIR
  url = server.resolvedUrls!.local[0]!
  context = await launchBrowser()
  page = await context.newPage()
  // The first visit makes Vite pre-bundle the app's dependencies (see authoring.test.ts).
  await page.goto(url, { waitUntil: 'networkidle', timeout: 150_000 })
})

afterAll(async () => {
  await context?.close()
  await server?.close()
  rmSync(folder, { recursive: true, force: true })
})

describe('the dev server on a site folder', () => {
  it('serves under the base path of _config.yml', () => {
    expect(new URL(url).pathname).toBe('/field-notes/')
  })

  it("serves the site's static files from the folder, and nothing of its _ files", async () => {
    const pdf = await fetch(`${url}assets/docs/field-guide.pdf`)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await pdf.arrayBuffer()).equals(readFileSync(join(siteDir, 'assets/docs/field-guide.pdf')))).toBe(true)
    expect(existsSync(resolve('public/assets/docs'))).toBe(false)
    expect(await (await fetch(`${url}_config.yml`)).text()).not.toContain('show_spoilers')
  })

  it('renders a page when asked for, and again once it is edited', async () => {
    expect(await (await fetch(`${url}about/`)).text()).toContain('<h1>About these notes</h1>')
    edit('about.md', (text) => text.replace('title: About these notes', 'title: About the notebook'))
    await expect.poll(async () => (await fetch(`${url}about/`)).text(), { timeout: 10_000 }).toContain('<h1>About the notebook</h1>')
    expect(await (await fetch(`${url}me/`)).text()).toContain('url=/field-notes/about/')
  })

  it('opens a post at its Jekyll URL and shows a change of _config.yml without a restart', async () => {
    await page.goto(`${url}travel/2022/07/19/second-wind.html`)
    await expect.poll(() => page.locator('article.post h1').textContent(), { timeout: 20_000 }).toBe('Second wind on the ridge')
    expect(await page.locator('.post-body').textContent()).toContain('Filed under notes from the field.')
    edit('_config.yml', (text) => text.replace('tagline: notes from the field', 'tagline: the field notebook'))
    await expect.poll(() => page.locator('.post-body').textContent(), { timeout: 20_000 }).toContain('Filed under the field notebook.')
  })
})
