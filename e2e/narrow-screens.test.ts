/**
 * No page is wider than a phone: every prerendered page of each site below, opened at 320, 360 and
 * 390 px, must fit the screen (a code block, a table, a long link or a wide image scrolls in its own
 * box or wraps, never the page). A new fixture site is one more entry in `SITES`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { buildSite, launchBrowser, serveBuild } from './browser.ts'

interface Site {
  name: string
  /** The `_posts` folder to build; none for the sample posts, which `npm run build` built into `dist/`. */
  postsDir?: string
  /** A Jekyll site folder to build with SITE_DIR, served under its `baseurl` (`base`). */
  siteDir?: string
  base?: string
  outDir: string
}

const SITES: Site[] = [
  { name: 'the sample posts', outDir: 'dist' },
  { name: 'the portfolYOU corpus', postsDir: resolve('../shared/corpus/portfolyou'), outDir: 'dist-narrow-corpus' },
  { name: 'the fixture Jekyll blog', postsDir: resolve('e2e/fixtures/jekyll-blog/_posts'), outDir: 'dist-narrow-fixture' },
  { name: 'the fixture Jekyll site (SITE_DIR)', siteDir: resolve('e2e/fixtures/jekyll-site'), base: '/field-notes/', outDir: 'dist-narrow-site' },
  { name: 'the Arabic fixture site (right to left)', siteDir: resolve('e2e/fixtures/arabic-site'), base: '/mudawwana/', outDir: 'dist-narrow-arabic' },
]

const WIDTHS = [320, 360, 390]

/**
 * Every page the build wrote (`.../index.html`, `404.html`, and a site's pages at `.html` permalinks such
 * as `2021/03/04/first-light.html`), as paths to open; redirect pages lead to one of these. The preview
 * server answers unknown paths with `404.html` only at its root, so under a base path that file is opened.
 */
function prerenderedPages(outDir: string, notFound = 'no-such-page/'): string[] {
  const pages: string[] = []
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) {
        if (!['assets', 'data', 'cards'].includes(name)) walk(path)
      } else if (name === '404.html' && folder === outDir) {
        pages.push(notFound)
      } else if (name.endsWith('.html') && !readFileSync(path, 'utf8').includes('<meta http-equiv="refresh"')) {
        const page = relative(outDir, path).replace(/index\.html$/, '')
        pages.push(page)
      }
    }
  }
  walk(outDir)
  return pages.sort()
}

/** The page's width beyond the screen, with the elements that reach past it (for the failure message). */
async function overflow(page: Page): Promise<{ scrollWidth: number; screen: number; widest: string[] }> {
  return page.evaluate(() => {
    const screen = document.documentElement.clientWidth
    const widest = Array.from(document.querySelectorAll<HTMLElement>("body *"))
      .filter((element) => element.getBoundingClientRect().right > screen + 0.5)
      // Inside a box that scrolls (a table, a code block) is that box's business.
      .filter((element) => !element.parentElement?.closest('pre, table, .carousel-track, .carousel ul'))
      .slice(0, 5)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.className}"> reaches ${Math.round(element.getBoundingClientRect().right)} px`)
    return { scrollWidth: document.documentElement.scrollWidth, screen, widest }
  })
}

let context: BrowserContext
const servers: PreviewServer[] = []

beforeAll(async () => {
  context = await launchBrowser()
})

afterAll(async () => {
  await context?.close()
  await Promise.all(servers.map((server) => server.close()))
})

describe.each(SITES.filter((site) => !site.postsDir || existsSync(site.postsDir)))('$name', (site) => {
  let url: string
  let page: Page
  const builtDir = join(site.outDir, site.base ?? '/')

  beforeAll(async () => {
    if (site.postsDir) await buildSite(site.postsDir, site.outDir)
    if (site.siteDir) await buildSite(undefined, builtDir, { SITE_DIR: site.siteDir })
    const served = await serveBuild(site.outDir, site.base)
    servers.push(served.server)
    url = served.url
    page = await context.newPage()
    // Images of the corpus live on other sites; the test machine has no network.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort())
  })

  afterAll(async () => {
    await page?.close()
  })

  it('has prerendered pages to open', () => {
    expect(prerenderedPages(builtDir, site.base ? '404.html' : undefined).length).toBeGreaterThan(3)
  })

  it(`fits every page at ${WIDTHS.join(', ')} px wide`, async () => {
    const tooWide: string[] = []
    for (const path of prerenderedPages(builtDir, site.base ? '404.html' : undefined)) {
      await page.setViewportSize({ width: WIDTHS[0]!, height: 800 })
      await page.goto(`${url}${path}`, { waitUntil: 'networkidle' })
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 })
        const found = await overflow(page)
        if (found.scrollWidth > found.screen) tooWide.push(`/${path} at ${width} px is ${found.scrollWidth} px wide: ${found.widest.join('; ')}`)
      }
    }
    expect(tooWide).toEqual([])
  }, 300_000)
})
