/**
 * What a first visit costs: the bytes each page loads (raw and gzip, by resource type, with the
 * request count), and every request that leaves the site's origin (budget: none). A fresh context per
 * page, so nothing comes from the cache, at normal CPU speed on loopback.
 */
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { freshContext } from './browser.ts'

export type BytesByKind = Record<string, { raw: number; gzip: number; requests: number }>

export interface FirstVisit {
  pages: Record<string, BytesByKind>
  /** Requests (any page) to another origin than the site's, by page name. */
  external: Record<string, string[]>
  /** The site's files each page fetched (`assets/x.js`), by page name: what a feature loaded later does not fetch again (feature-js.ts). */
  fetched: Record<string, string[]>
}

export async function firstVisit(browser: Browser, url: string, paths: Record<string, string>): Promise<FirstVisit> {
  const origin = new URL(url).origin
  const result: FirstVisit = { pages: {}, external: {}, fetched: {} }
  for (const [name, path] of Object.entries(paths)) {
    const context = await freshContext(browser)
    const page = await context.newPage()
    const byKind: BytesByKind = {}
    const external: string[] = []
    const fetched: string[] = []
    const pending: Array<Promise<void>> = []
    page.on('request', (request) => {
      const target = new URL(request.url())
      if (/^(https?|wss?):$/.test(target.protocol) && target.origin !== origin) external.push(request.url())
      else if (target.origin === origin) fetched.push(target.pathname.slice(new URL(url).pathname.length))
    })
    page.on('response', (response) => {
      pending.push(
        response.body().then(
          (body) => {
            const kind = response.request().resourceType()
            const entry = (byKind[kind] ??= { raw: 0, gzip: 0, requests: 0 })
            entry.raw += body.length
            entry.gzip += gzipSync(body).length
            entry.requests += 1
          },
          () => undefined,
        ),
      )
    })
    await page.goto(url + path, { waitUntil: 'networkidle', timeout: 120_000 })
    await Promise.all(pending)
    result.pages[name] = byKind
    result.external[name] = external
    result.fetched[name] = fetched
    await context.close()
  }
  return result
}
