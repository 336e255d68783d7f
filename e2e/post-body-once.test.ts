/**
 * A post page carries its body once (its HTML; the inlined data holds the rest), and the post still works
 * whichever way a reader arrives: the page taken over by the app (hydration), a move from the list inside
 * the app (the post read from its fetched page), and with JavaScript off. On the production build
 * (`npm run build`); any console error, a hydration mismatch included, fails the test.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { appReady, launchBrowser, serveBuild, watchErrors } from './browser.ts'

/** A post with a diagram, a quote and headings; a sentence of its body, its block quote. */
const POST = 'mapping-the-path-to-production'
const TITLE = 'Measuring delivery, part 3: mapping the path to production'
const SENTENCE = 'Nobody worked faster. The change just stopped standing in line.'
/** A post with a code block. */
const CODE_POST = 'one-on-ones-that-are-not-status-updates'
const CODE_TITLE = 'One-on-ones that are not status updates'

let scripted: BrowserContext
let scriptless: BrowserContext
let server: PreviewServer
let url: string

beforeAll(async () => {
  scripted = await launchBrowser()
  scriptless = await launchBrowser({ javaScriptEnabled: false })
  ;({ server, url } = await serveBuild('dist'))
  await scripted.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin })
})

afterAll(async () => {
  await scripted?.close()
  await scriptless?.close()
  server?.close()
})

/**
 * The body as a reader's browser has it: the diagram's frame left out (it is drawn once scrolled near),
 * and React's markers of a part loaded apart (comments, which only a prerendered page has).
 */
const bodyMarkup = (page: Page) =>
  page.locator('.post-body').evaluate((body) => {
    const copy = body.cloneNode(true) as HTMLElement
    copy.querySelectorAll('figure.mermaid-diagram').forEach((figure) => figure.remove())
    return copy.innerHTML.replace(/<!--[\s\S]*?-->/g, '')
  })

async function scriptlessBody(slug: string): Promise<string> {
  const plain = await scriptless.newPage()
  await plain.goto(`${url}blog/${slug}/`)
  const markup = await bodyMarkup(plain)
  await plain.close()
  return markup
}

/** A code block's Copy button, which works only with the app. */
async function expectWorkingCopy(page: Page) {
  const block = page.locator('.code-block').first()
  await block.getByRole('button', { name: 'Copy code' }).click()
  await expect.poll(() => block.getByRole('status').textContent()).toBe('Code copied to the clipboard')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await block.locator('pre').textContent())
}

/** What works only with the app: the quote's link, the diagram; and the headings' anchors, the contents. */
async function expectWorkingPost(page: Page) {
  const quote = page.locator('blockquote.quote', { hasText: SENTENCE })
  await quote.getByRole('link', { name: 'Copy a link to this quote' }).click()
  await expect.poll(() => quote.getByRole('status').textContent()).toBe('Link copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`^${url}blog/${POST}/quote/q-[a-z0-9-]+/$`))

  const diagram = page.locator('figure.mermaid-diagram')
  await diagram.scrollIntoViewIfNeeded()
  await expect.poll(() => diagram.getAttribute('data-state'), { timeout: 20_000 }).toBe('drawn')
  expect(await diagram.locator('svg').count()).toBe(1)

  const headings = page.locator('.post-body h2')
  expect(await headings.count()).toBe(3)
  expect(await page.locator('.post-body h2 > a.heading-anchor').count()).toBe(3)
  expect(await page.locator('.post-toc a').count()).toBeGreaterThanOrEqual(3)
}

describe('a prerendered post page', () => {
  it('holds a sentence of its body once, and no body in its inlined data', () => {
    const html = readFileSync(`dist/blog/${POST}/index.html`, 'utf8')
    expect(html.split(SENTENCE)).toHaveLength(2)
    const data = /<script type="application\/json" id="prerendered-data">([^<]*)<\/script>/.exec(html)?.[1] ?? ''
    expect(data).toContain(TITLE.split(':')[0])
    expect(data).not.toContain('"body"')
  })

  it('reads with JavaScript off: the text, the quote, the diagram’s source', async () => {
    const plain = await scriptless.newPage()
    await plain.goto(`${url}blog/${POST}/`)
    expect(await plain.locator('.post-body blockquote').first().textContent()).toContain(SENTENCE)
    expect(await plain.locator('figure.mermaid-diagram pre code').textContent()).toMatch(/^flowchart/)
    expect(await plain.locator('.post-body h2').count()).toBe(3)
    await plain.close()
  })

  it('works once the app takes it over, with the markup a reader without JavaScript gets', async () => {
    const page = await scripted.newPage()
    const errors = watchErrors(page)
    await page.goto(`${url}blog/${POST}/`)
    await appReady(page)
    expect(await bodyMarkup(page)).toBe(await scriptlessBody(POST))
    await expectWorkingPost(page)
    await page.goto(`${url}blog/${CODE_POST}/`)
    await appReady(page)
    expect(await bodyMarkup(page)).toBe(await scriptlessBody(CODE_POST))
    await expectWorkingCopy(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('works when the reader moves to it inside the app, read from its page', async () => {
    const page = await scripted.newPage()
    const errors = watchErrors(page)
    const fetched: string[] = []
    page.on('request', (request) => request.resourceType() === 'fetch' && fetched.push(new URL(request.url()).pathname))
    await page.goto(url)
    await appReady(page)
    await page.getByRole('link', { name: TITLE }).first().click()
    await expect.poll(() => page.locator('h1').textContent()).toBe(TITLE)
    expect(fetched).toContain(`/blog/${POST}/`)
    expect(fetched.filter((path) => path.startsWith('/data/posts/'))).toEqual([])
    expect(await bodyMarkup(page)).toBe(await scriptlessBody(POST))
    await expectWorkingPost(page)
    await page.goBack()
    await page.getByRole('link', { name: CODE_TITLE }).first().click()
    await expect.poll(() => page.locator('h1').textContent()).toBe(CODE_TITLE)
    expect(fetched).toContain(`/blog/${CODE_POST}/`)
    expect(await bodyMarkup(page)).toBe(await scriptlessBody(CODE_POST))
    await expectWorkingCopy(page)
    expect(errors).toEqual([])
    await page.close()
  })
})
