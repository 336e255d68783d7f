/**
 * Offline reading, in Chromium against production builds at the root and under a sub-path: the
 * service worker registers only after the first paint, a visited list and post open with the network
 * gone, a post saved on purpose too, and a post never opened says it is not saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { appReady, buildSite, launchBrowser, serveBuild } from './browser.ts'

const VISITED_BY_CLICK = 'Grow and make impact with peer focus mindset'
const VISITED_BY_ADDRESS = 'blog/feedback-that-actually-lands/'
const SAVED_ON_PURPOSE = 'blog/ship-small-learn-fast/'
const NEVER_OPENED = 'blog/hiring-for-what-the-team-needs-next/'

const servers: PreviewServer[] = []
const contexts: BrowserContext[] = []

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()))
  await Promise.all(servers.map((server) => server.close()))
})

async function freshBrowser(): Promise<BrowserContext> {
  const context = await launchBrowser({ serviceWorkers: 'allow' })
  contexts.push(context)
  return context
}

/** The worker has taken charge of this page (it registers once the page is idle). */
async function workerInCharge(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 })
}

describe.each([
  { name: 'at the root', outDir: 'dist', base: '/', build: false },
  { name: 'under a sub-path', outDir: 'dist-offline-sub', base: '/my-blog/', build: true },
])('a site built $name', ({ outDir, base, build }) => {
  let url: string

  beforeAll(async () => {
    if (build) await buildSite(undefined, join(outDir, base), { BASE_PATH: base })
    const served = await serveBuild(outDir, base)
    servers.push(served.server)
    url = served.url
  })

  it('registers its worker only after the first paint', async () => {
    const context = await freshBrowser()
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'domcontentloaded' })
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((found) => found === undefined))).toBe(true)
    await workerInCharge(page)
    const [paint, registered] = await page.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
      performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/sw.js'))?.startTime ?? Infinity,
    ])
    // The worker's script is fetched by the browser, not the page: when it is missing from the page's
    // resources, the registration's own scope shows it is the base path's.
    if (registered !== Infinity) expect(registered).toBeGreaterThan(paint)
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((found) => new URL(found!.scope).pathname))).toBe(base)
    expect(paint).toBeGreaterThan(0)
  })

  it('opens the list and every visited post with no network, and says when a post was not saved', async () => {
    const context = await freshBrowser()
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'networkidle' })
    await appReady(page)
    await workerInCharge(page)

    // A post opened from the list (the app fetches its data, not its page) ...
    await page.getByRole('link', { name: VISITED_BY_CLICK }).click()
    await page.getByRole('heading', { level: 1, name: VISITED_BY_CLICK }).waitFor()
    await page.getByText('Saved for offline reading').waitFor()
    const clickedPostUrl = page.url()
    // ... and one opened by its address.
    await page.goto(`${url}${VISITED_BY_ADDRESS}`, { waitUntil: 'networkidle' })
    await appReady(page)
    await page.getByText('Saved for offline reading').waitFor()

    await context.setOffline(true)
    await page.goto(url)
    await appReady(page)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy()
    expect(await page.getByRole('link', { name: VISITED_BY_CLICK }).count()).toBe(1)

    for (const [address, title] of [
      [clickedPostUrl, VISITED_BY_CLICK],
      [`${url}${VISITED_BY_ADDRESS}`, 'Feedback that actually lands'],
    ] as const) {
      await page.goto(address)
      await appReady(page)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title)
      expect(await page.locator('.post-body p').count()).toBeGreaterThan(2)
      await page.getByText('Saved for offline reading').waitFor()
      expect(await page.getByText('Something went wrong').count()).toBe(0)
    }

    // From the saved post to the list, inside the app, still offline.
    await page.getByRole('link', { name: 'Posts', exact: true }).click()
    await page.locator('.post-card-title a', { hasText: VISITED_BY_CLICK }).waitFor()

    await page.goto(`${url}${NEVER_OPENED}`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You are offline')
    expect(await page.getByText('This page has not been saved on this device').count()).toBe(1)
    await page.getByRole('link', { name: 'go to the list of posts' }).click()
    await page.getByRole('link', { name: VISITED_BY_CLICK }).waitFor()
    await context.setOffline(false)
  })

  it('replaces every saved file when a new deploy arrives, once no page of the old one is open', async () => {
    const context = await freshBrowser()
    let page = await context.newPage()
    await page.goto(url, { waitUntil: 'networkidle' })
    await workerInCharge(page)
    await page.goto(`${url}${VISITED_BY_ADDRESS}`, { waitUntil: 'networkidle' })
    await page.getByText('Saved for offline reading').waitFor()
    const cacheNames = () => page.evaluate(() => caches.keys())
    const [oldCache] = await cacheNames()

    // A new deploy: a new worker (its build id) and a changed post page.
    const files = [join(outDir, base, 'sw.js'), join(outDir, base, VISITED_BY_ADDRESS, 'index.html')] as const
    const before = files.map((file) => readFileSync(file, 'utf8'))
    try {
      writeFileSync(files[0], before[0]!.replace(/"buildId":"\w+"/, '"buildId":"nextdeploy"'))
      writeFileSync(files[1], before[1]!.replace('</head>', '<meta name="deploy" content="next"></head>'))
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration!.update()))
      // Installed beside the old one, which keeps serving the open page: nothing of the two is mixed.
      await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((registration) => registration!.waiting !== null))
      expect((await cacheNames()).sort()).toEqual([oldCache, `offline ${base} nextdeploy`].sort())

      // The reader leaves and comes back later: the new worker takes over between the two.
      await page.close()
      await new Promise((resolve) => setTimeout(resolve, 1000))
      page = await context.newPage()
      await page.goto(url, { waitUntil: 'networkidle' })
      await expect
        .poll(
          async () => {
            await page.reload({ waitUntil: 'networkidle' })
            return cacheNames()
          },
          { timeout: 15_000 },
        )
        .toEqual([`offline ${base} nextdeploy`])
    } finally {
      files.forEach((file, index) => writeFileSync(file, before[index]!))
    }
    // The post saved with the old deploy was fetched again from the new one.
    await context.setOffline(true)
    await page.goto(`${url}${VISITED_BY_ADDRESS}`)
    expect(await page.locator('meta[name="deploy"]').getAttribute('content')).toBe('next')
    await appReady(page)
    await page.getByText('Saved for offline reading').waitFor()
    await context.setOffline(false)
  })

  it('saves a post on purpose from a first visit, before the worker is running', async () => {
    const context = await freshBrowser()
    const page = await context.newPage()
    await page.goto(`${url}${SAVED_ON_PURPOSE}`, { waitUntil: 'networkidle' })
    await appReady(page)
    await page.getByRole('button', { name: 'Save for offline' }).click()
    await page.getByText('Saved for offline reading').waitFor()
    await context.setOffline(true)
    await page.reload()
    await appReady(page)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ship small, learn fast')
    await page.getByText('Saved for offline reading').waitFor()
    await context.setOffline(false)
  })
})
