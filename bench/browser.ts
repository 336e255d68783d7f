/**
 * One Chromium per benchmark size, with a fresh context (empty cache, no cookies) per measurement.
 * e2e/browser.ts gives a persistent context, one browser each, which keeps its cache between pages:
 * right for tests, wrong for first-visit figures. Same Debian Chromium, never a downloaded one.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { CHROME_PATH } from '../e2e/browser.ts'

export async function launchBenchBrowser(): Promise<Browser> {
  if (!existsSync(CHROME_PATH)) throw new Error(`Chromium was not found at ${CHROME_PATH} (set CHROME_PATH)`)
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

export function freshContext(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true })
}

/** Resolves once the app has hydrated the page (the stable hook the app sets for tests). */
export const APP_READY = 'html[data-app="ready"]'
