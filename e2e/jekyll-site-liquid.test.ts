/**
 * The fixture Jekyll site's Liquid (e2e/fixtures/jekyll-site, built with SITE_DIR), read in Chromium as a
 * reader sees it: every tag and filter of Jekyll's that its posts use gives what Jekyll gives. The posts
 * are `_posts/2021-03-04-first-light.md` (assign, capture, if/else, for, the site's includes with
 * parameters, site.data) and `_posts/2023-05-06-liquid-tour.md` (one paragraph per construct, named by
 * its first word). jekyll-site.test.ts checks the same site's URLs, pages and files.
 */
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { appReady, buildSite, launchBrowser, serveBuild, watchErrors } from './browser.ts'

const FIXTURE = resolve('e2e/fixtures/jekyll-site')
const OUT = 'dist-jekyll-liquid'
const BASE = '/field-notes/'
const RAW_LIQUID = /\{%|%\}|\{\{|\}\}/

let context: BrowserContext
let server: PreviewServer
let url: string

beforeAll(async () => {
  await buildSite(undefined, join(OUT, BASE), { SITE_DIR: FIXTURE })
  ;({ server, url } = await serveBuild(OUT, BASE))
  context = await launchBrowser()
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

async function openPost(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto(`${url}${path}`, { waitUntil: 'networkidle' })
  await appReady(page)
  return { page, errors }
}

describe('a post of Liquid logic, site includes and data (first-light)', () => {
  let page: Page
  let errors: string[]
  const body = () => page.locator('article.post .post-body')

  beforeAll(async () => {
    ;({ page, errors } = await openPost('2021/03/04/first-light.html'))
  })

  it('assign, then relative_url: the image is at the base path', async () => {
    expect(await body().locator('img[alt="A field lamp"]').getAttribute('src')).toBe('/field-notes/assets/images/lamp.png')
  })

  it("the site's heading include with a parameter: a section heading with its slugified id", async () => {
    const heading = body().locator('h2#what-we-saw')
    expect(await heading.textContent()).toBe('What we saw')
  })

  it("capture, then the site's spoiler include with title and content (markdownify): a closed spoiler that opens", async () => {
    const spoiler = body().locator('details', { hasText: 'What was in the reeds?' })
    expect(await spoiler.locator('summary').textContent()).toBe('What was in the reeds?')
    expect(await spoiler.locator('strong').isVisible()).toBe(false)
    await spoiler.locator('summary').click()
    expect(await spoiler.locator('p').textContent()).toBe('Three herons and one bittern.')
    expect(await spoiler.locator('strong').textContent()).toBe('one')
  })

  it('if/else: only the branch that holds', async () => {
    const text = await body().innerText()
    expect(text).toContain('Spoilers are shown on this site.')
    expect(text).not.toContain('Spoilers are hidden.')
  })

  it('for over site.data with unless forloop.last, an upcase filter and site.author', async () => {
    const text = await body().innerText()
    expect(text).toContain('The team: Ada Fixture (Editor), Grace Sample (Field researcher).')
    expect(text).toContain('MARSH NOTES, by Ada Fixture.')
    expect(text).not.toMatch(RAW_LIQUID)
    expect(errors).toEqual([])
  })
})

describe('a tour of every Liquid tag and filter (liquid-tour)', () => {
  let page: Page
  let errors: string[]
  const body = () => page.locator('article.post .post-body')
  /** The paragraph that starts with `name:` (each construct has its own). */
  const paragraph = async (name: string) => (await body().locator('p', { hasText: new RegExp(`^${name}:`) }).first().innerText()).slice(name.length + 1).trim()

  beforeAll(async () => {
    ;({ page, errors } = await openPost('2023/05/06/liquid-tour.html'))
  })

  it.each([
    ['assign with size over site.posts', 'Posts on the site', '5.'],
    ['case/when', 'Case', 'calm.'],
    ['if/elsif/else', 'Elsif', 'still.'],
    ['unless', 'Unless', 'no storm.'],
    ['for with limit and offset over a range', 'Limit and offset', '2 3 4.'],
    ['for reversed', 'Reversed', '321.'],
    ['{%- -%} whitespace control', 'Trimmed', '[calm]'],
    ['relative_url', 'Relative', '/field-notes/assets/images/lamp.png'],
    ['absolute_url (url and baseurl of _config.yml)', 'Absolute', 'https://notes.example.org/field-notes/about/'],
    ['slugify', 'Slugify', 'herons-bitterns'],
    ['where over site.data, map, join', 'Where', 'Ada Fixture'],
    ['where_exp', 'Where_exp', 'Grace Sample'],
    ['group_by, with each group’s size', 'Group_by', 'Editor (1); Field researcher (1)'],
    ['sort by a key, reverse', 'Sort', 'Grace Sample / Ada Fixture'],
    ['date_to_string of page.date', 'Date_to_string', '06 May 2023'],
    ['date_to_xmlschema', 'Date_to_xmlschema', '2023-05-06T00:00:00+00:00'],
    ['jsonify', 'Jsonify', '["Editor","Field researcher"]'],
    ['xml_escape: escaped once, read as text', 'Xml_escape', 'Fish & <chips>'],
    ['cgi_escape', 'Cgi_escape', 'a+b%26c'],
    ['uri_escape', 'Uri_escape', 'a%20b/c'],
    ['number_of_words', 'Number_of_words', '3'],
    ['array_to_sentence_string', 'Array_to_sentence_string', 'Ada Fixture and Grace Sample'],
    ['strip_html', 'Strip_html', 'bold words'],
    ['site.data from CSV and nested JSON', 'Data', 'Ridge, north, https://example.social/@fieldnotes'],
    ['site.tags, site.title, site.author', 'Tags', '2 posts on fieldwork, Field Notes by Ada Fixture.'],
  ])('%s', async (_, name, expected) => {
    expect(await paragraph(name)).toBe(expected)
  })

  it('comment: its text never reaches the reader', async () => {
    expect(await body().innerText()).not.toContain('Nothing of this reaches the reader')
  })

  it('raw keeps Liquid as written; Liquid runs inside code spans too, as in Jekyll', async () => {
    const code = body().locator('p', { hasText: /^Raw:/ }).locator('code')
    expect(await code.allTextContents()).toEqual(['{{ page.title }}', 'calm'])
  })

  it("post.url of site.posts, {% link %} and {% post_url %} give the posts' URLs under the site's permalinks and base path", async () => {
    expect(await body().locator('p', { hasText: /^Post url:/ }).locator('a').getAttribute('href')).toBe('/field-notes/2021/03/04/first-light.html')
    const links = body().locator('p', { hasText: /^Link:/ }).locator('a')
    expect(await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))).toEqual(['/field-notes/travel/2022/07/19/second-wind.html', '/field-notes/about/'])
    const postUrl = body().locator('p', { hasText: /^Post_url:/ }).locator('a')
    expect(await postUrl.getAttribute('href')).toBe('/field-notes/2021/03/04/first-light.html')
    await postUrl.click()
    await page.waitForURL(`${url}2021/03/04/first-light.html`)
    await expect.poll(() => page.locator('article.post h1').textContent()).toBe('First light at the marsh')
    await page.goBack()
    await page.locator('article.post h1', { hasText: 'A tour of Liquid' }).waitFor()
  })

  it("an include's missing parameter gives the include's default, never \"undefined\"", async () => {
    const spoiler = body().locator('details', { hasText: 'No title was given.' })
    expect(await spoiler.locator('summary').textContent()).toBe('Spoiler')
    expect(await page.locator('main').innerText()).not.toContain('undefined')
  })

  it('include_relative reads a file beside the post (_posts/snippets/), as markdown of the post', async () => {
    const birds = body().locator('p', { hasText: /^The birds of the marsh:/ })
    expect(await birds.locator('em').allTextContents()).toEqual(['heron', 'bittern', 'rail'])
  })

  it('shows no Liquid as written, and no error', async () => {
    expect((await body().innerText()).replace(/\{\{ page\.title \}\}/, '')).not.toMatch(RAW_LIQUID)
    expect(errors).toEqual([])
  })
})
