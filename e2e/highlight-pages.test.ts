/**
 * A site built with `highlightPages: false` (HIGHLIGHT_PAGES=false), as a host with few files takes
 * it, and as the default ('auto') builds a site past 20,000 files: no page per highlight, and every
 * highlight's link points at its place in the post, in the prerendered page, after the app takes
 * over, and after a move inside the app. Block quotes keep their pages and cards.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { appReady, buildSite, launchBrowser, serveBuild, watchErrors } from './browser.ts'

const OUT = 'dist-no-highlight-pages'
const POST = 'feedback-that-actually-lands'
let context: BrowserContext
let server: PreviewServer
let url: string

beforeAll(async () => {
  await buildSite('posts', OUT, { HIGHLIGHT_PAGES: 'false' })
  ;({ server, url } = await serveBuild(OUT))
  context = await launchBrowser()
}, 240_000)

afterAll(async () => {
  await context?.close()
  await server?.close()
})

/** Every passage link of the post's body: [kind of passage, href]. */
async function passageLinks(page: import('playwright-core').Page): Promise<Array<[string, string]>> {
  return page.locator('.post-body .passage-link').evaluateAll((links) =>
    links.map((link) => [link.closest('blockquote') ? 'quote' : 'highlight', link.getAttribute('href') ?? '']),
  )
}

it('writes no highlight page, links each highlight into its post, and keeps the quotes\' pages', async () => {
  const html = readFileSync(join(OUT, `blog/${POST}/index.html`), 'utf8')
  const highlightIds = [...html.matchAll(/<mark id="(q-[\w-]+)" class="highlight">/g)].map((match) => match[1]!)
  const quoteIds = [...html.matchAll(/href="\/blog\/[\w-]+\/quote\/(q-[\w-]+)\/"/g)].map((match) => match[1]!)
  expect(highlightIds.length).toBeGreaterThan(0)
  expect(quoteIds.length).toBeGreaterThan(0)
  for (const id of highlightIds) {
    expect(existsSync(join(OUT, `blog/${POST}/quote/${id}/index.html`)), id).toBe(false)
    expect(html).toContain(`href="/blog/${POST}/#${id}"`)
  }
  for (const id of quoteIds) {
    expect(existsSync(join(OUT, `blog/${POST}/quote/${id}/index.html`)), id).toBe(true)
    expect(existsSync(join(OUT, `cards/${POST}/${id}.png`)), id).toBe(true)
  }

  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(`${url}blog/${POST}/`)
  await appReady(page)
  const expected = [...new Set([...highlightIds.map((id) => ['highlight', `/blog/${POST}/#${id}`]), ...quoteIds.map((id) => ['quote', `/blog/${POST}/quote/${id}/`])].map((pair) => pair.join(' ')))].sort()
  const seen = async () => [...new Set((await passageLinks(page)).map((pair) => pair.join(' ')))].sort()
  expect(await seen()).toEqual(expected)

  // From the list, inside the app: the post's data comes from its page, and says the same.
  await page.goto(url)
  await appReady(page)
  await page.locator(`a[href="/blog/${POST}/"]`).first().click()
  await page.waitForURL(`${url}blog/${POST}/`)
  await page.locator('.post-body .passage-link').first().waitFor()
  expect(await seen()).toEqual(expected)
  expect(errors).toEqual([])
})
