/**
 * Real parts for end-to-end tests: Debian's Chromium driven by playwright-core (never a downloaded
 * browser), and the built site served by `vite preview` on loopback.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { preview, build, type PreviewServer } from 'vite'

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'

export async function launchBrowser(options: { javaScriptEnabled?: boolean; serviceWorkers?: 'allow' | 'block' } = {}): Promise<BrowserContext> {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROME_PATH}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\nor set CHROME_PATH to a Chromium or Chrome binary.`,
    )
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'reader-chromium-'))
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    // Blocked unless a test asks for them (the offline tests): `page.route` does not see the requests a
    // service worker answers, and a worker registered by one page would answer the next page's.
    serviceWorkers: options.serviceWorkers ?? 'block',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/**
 * Serves a built folder (default `dist/`, as `npm run build` made it) on a free loopback port. A site
 * built for a sub-path is served as a static host would: the folder holds it under that path
 * (`dist-sub/my-blog/...`), served from the folder's root.
 */
export async function serveBuild(folder = 'dist', base = '/'): Promise<{ server: PreviewServer; url: string }> {
  if (!existsSync(join(folder, base, 'index.html'))) {
    throw new Error(`No build in ${join(folder, base)}. Run \`npm run build\` first (\`npm test\` does).`)
  }
  const server = await preview({
    base: '/',
    logLevel: 'silent',
    build: { outDir: folder },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('The preview server has no port')
  return { server, url: `http://127.0.0.1:${address.port}${base}` }
}

/** Builds the site into `outDir` with other settings (posts folder, base path) for one test file. */
export async function buildSite(postsDir: string | undefined, outDir: string, env: Record<string, string> = {}): Promise<void> {
  const variables = { ...(postsDir ? { POSTS_DIR: postsDir } : {}), ...env }
  const previous = Object.fromEntries(Object.keys(variables).map((key) => [key, process.env[key]]))
  Object.assign(process.env, variables)
  try {
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } })
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

/** Collects console errors and failed page loads, so a test can fail on any of them. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console at ${page.url()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`page error at ${page.url()}: ${error.message}`))
  page.on('requestfailed', (request) => {
    // Cancelled on purpose is no failure: a fetch the app gives up (the reader moved on before its data
    // arrived), or the app's own modules when the reader leaves the page before they arrive (a
    // prerendered page loads them only after its first paint), with the stylesheets Vite loads beside a
    // route's module (a CI run left a page while `permalink-page-*.css` was on its way), or an image
    // still loading then (the favicon; a missing image or stylesheet is a 404, not an abort).
    // Chromium asks for the favicon as a request of type "other", and drops it as any image on a move.
    const cancellable = ['fetch', 'script', 'stylesheet', 'image'].includes(request.resourceType()) || /\/favicon\.\w+$/.test(new URL(request.url()).pathname)
    if (request.failure()?.errorText === 'net::ERR_ABORTED' && cancellable) return
    // An embedded player's own page (youtube-nocookie in an iframe), which this offline machine cannot
    // reach: the app's part, the play control, is what the tests check.
    if (request.resourceType() === 'document' && request.frame() !== page.mainFrame()) return
    errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`)
  })
  return errors
}

/** Waits until the app has taken over a (prerendered) page, so clicks are the app's, not the document's. */
export async function appReady(page: Page): Promise<void> {
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' })
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core on the page as it is; returns each violation as `rule: targets`. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE })
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run()
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  })
}

/** Characters on each full line of the post's long paragraphs (the last line of each left out). */
export function charactersPerLine(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const counts: number[] = []
    for (const paragraph of Array.from(document.querySelectorAll('.post-body > p'))) {
      const text = paragraph.firstChild
      if (!text || text.nodeType !== Node.TEXT_NODE || (text.textContent ?? '').length < 200) continue
      const range = document.createRange()
      let top: number | null = null
      let count = 0
      for (let index = 0; index < text.textContent!.length; index += 1) {
        range.setStart(text, index)
        range.setEnd(text, index + 1)
        const lineTop = Math.round(range.getBoundingClientRect().top)
        if (top !== null && lineTop !== top) {
          counts.push(count)
          count = 0
        }
        top = lineTop
        count += 1
      }
    }
    return counts
  })
}
