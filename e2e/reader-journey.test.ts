/**
 * A reader's first visit, against the production build: the list, the Leadership filter, the seed
 * post with its highlights and quote, a reload of the post URL, back to the filtered list, and the
 * not-found pages. Any console error fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { join } from 'node:path'
import { appReady, buildSite, launchBrowser, serveBuild, watchErrors } from './browser.ts'
import { serveStatic } from './static-host.ts'

const SEED_SLUG = 'grow-and-make-impact-with-peer-focus-mindset'
const SEED_TITLE = 'Grow and make impact with peer focus mindset'

let context: BrowserContext

beforeAll(async () => {
  context = await launchBrowser()
})

afterAll(async () => {
  await context?.close()
})

// The production build of `npm run build` behind `vite preview`, and the same site built for a
// sub-path behind a static host that serves it there.
describe.each([
  {
    name: 'the production build',
    base: '/',
    serve: async () => {
      const { server, url } = await serveBuild('dist')
      return { url, close: () => server.close() }
    },
  },
  {
    name: 'a build under /my-blog/',
    base: '/my-blog/',
    serve: async () => {
      await buildSite(undefined, join('dist-sub', 'my-blog'), { BASE_PATH: '/my-blog/' })
      const { server, url } = await serveStatic('dist-sub', '/my-blog/')
      return {
        url,
        close: async () => {
          server.closeAllConnections()
          await new Promise<void>((resolve) => void server.close(() => resolve()))
        },
      }
    },
  },
])('$name', ({ serve }) => {
let url: string
let page: Page
let errors: string[]
let close: () => Promise<void>

beforeAll(async () => {
  const served = await serve()
  url = served.url
  close = served.close
  page = await context.newPage()
  errors = watchErrors(page)
})

afterAll(async () => {
  await page?.close()
  await close?.()
})

describe('reading the blog', () => {
  it('lists every post, newest first, with its title, excerpt, facts and tags', async () => {
    await page.goto(url)
    await appReady(page)
    await expect.poll(() => page.locator('.post-card').count()).toBeGreaterThanOrEqual(5)
    await expect.poll(() => page.locator('h1').textContent()).toBe('All posts')
    await expect.poll(() => page.title()).toBe('Peer Notes')
    const seedCard = page.locator('.post-card', { hasText: SEED_TITLE })
    expect(await seedCard.locator('.post-card-excerpt').textContent()).toBe(
      'As a manager your peers are key to driving impact and your personal growth',
    )
    expect(await seedCard.getAttribute('data-color')).toBe('success')
    expect(await seedCard.locator('.tag-chip').allTextContents()).toEqual(['Leadership', 'Influence', 'Growth'])
    // The seed has no date: it comes after every dated post.
    const titles = await page.locator('.post-card-title').allTextContents()
    expect(titles.at(-1)).toBe(SEED_TITLE)
    const dates = await page.locator('.post-card time').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')))
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('filters by Leadership, writes it into the URL, and shows only matching posts', async () => {
    const all = await page.locator('.post-card').count()
    await page.getByRole('button', { name: /^Leadership/ }).click()
    await page.waitForURL(/\?tags=leadership$/)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Posts tagged Leadership')
    const cards = page.locator('.post-card')
    const count = await cards.count()
    expect(count).toBeGreaterThan(0)
    expect(count).toBeLessThan(all)
    for (const tags of await cards.evaluateAll((nodes) => nodes.map((node) => node.querySelector('.tag-list')?.textContent ?? ''))) {
      expect(tags.toLowerCase()).toContain('leadership')
    }
  })

  it('opens the seed post by clicking it, with its highlights and quote as components', async () => {
    await page.getByRole('link', { name: SEED_TITLE }).click()
    await page.waitForURL(`${url}blog/${SEED_SLUG}/`)
    await expect.poll(() => page.locator('h1').textContent()).toBe(SEED_TITLE)
    await expect.poll(() => page.title()).toBe(`${SEED_TITLE} · Peer Notes`)
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(
      'As a manager your peers are key to driving impact and your personal growth',
    )
    await assertSeedBody(page)
    // Focus moved to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
  })

  it('shows the same post when its URL is loaded directly', async () => {
    await page.reload()
    await assertSeedBody(page)
  })

  it('goes back to the filtered list', async () => {
    await page.goBack()
    await page.waitForURL(/\?tags=leadership$/)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Posts tagged Leadership')
    expect(await page.getByRole('button', { name: /^Leadership/ }).getAttribute('aria-pressed')).toBe('true')
  })

  it('shows a not-found page for an unknown URL and "post not found" for an unknown slug', async () => {
    await page.goto(`${url}no/such/page`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found')
    await page.getByRole('link', { name: 'Go to all posts' }).click()
    // Under a sub-path the home link is `/my-blog` (the router's basename), the same page as `/my-blog/`.
    await page.waitForURL((current) => current.pathname.replace(/\/$/, '') === new URL(url).pathname.replace(/\/$/, ''))
    await expect.poll(() => page.locator('h1').textContent()).toBe('All posts')
    await page.goto(`${url}blog/no-such-post`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Post not found')
  })

  it('logged no console error on the way', () => {
    // A static host answers the unknown URL with its 404.html and status 404, as it should.
    expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([])
  })
})
})

async function assertSeedBody(page: Page) {
  const body = page.locator('.post-body')
  await body.waitFor()
  expect(await body.locator('mark.highlight').allTextContents()).toEqual([
    'Set up regular check-ins',
    'Learn about their pain points and needs',
    'share your challenges',
    'Invite them to',
    'team meetings',
    'consider setting up secondment or mentorship programs',
  ])
  // Highlights stay inline, inside the numbered list items.
  expect(await body.locator('ol > li mark.highlight').count()).toBe(6)
  expect((await body.locator('blockquote.quote').textContent())?.trim()).toBe(
    'You own the outcome of your team, and your outward view helps them achieve that efficiently',
  )
  const visible = await body.innerText()
  expect(visible).not.toMatch(/\{%|%\}|\{:|\{\{/)
  expect(await body.locator('img').first().getAttribute('width')).toBe('400')
}
