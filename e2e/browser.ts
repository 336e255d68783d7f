/**
 * Real parts for end-to-end tests: Debian's Chromium driven by playwright-core (never a downloaded
 * browser), and the built site served by `vite preview` on loopback.
 */
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { preview, build, type PreviewServer } from 'vite'

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'

export async function launchBrowser(): Promise<BrowserContext> {
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

/** Serves a built folder (default `dist/`, as `npm run build` made it) on a free loopback port. */
export async function serveBuild(outDir = 'dist', base = '/'): Promise<{ server: PreviewServer; url: string }> {
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`No build in ${outDir}/. Run \`npm run build\` first (\`npm test\` does).`)
  }
  const server = await preview({
    base,
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('The preview server has no port')
  return { server, url: `http://127.0.0.1:${address.port}${base}` }
}

/** Builds the site from another posts folder into `outDir` (for corpus and bad-input tests). */
export async function buildSite(postsDir: string, outDir: string): Promise<void> {
  const previous = process.env.POSTS_DIR
  process.env.POSTS_DIR = postsDir
  try {
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } })
  } finally {
    if (previous === undefined) delete process.env.POSTS_DIR
    else process.env.POSTS_DIR = previous
  }
}

/** Collects console errors and failed page loads, so a test can fail on any of them. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`))
  return errors
}
