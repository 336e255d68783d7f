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
}

export async function firstVisit(browser: Browser, url: string, paths: Record<string, string>): Promise<FirstVisit> {
  const origin = new URL(url).origin
  const result: FirstVisit = { pages: {}, external: {} }
  for (const [name, path] of Object.entries(paths)) {
    const context = await freshContext(browser)
    const page = await context.newPage()
    const byKind: BytesByKind = {}
    const external: string[] = []
    const pending: Array<Promise<void>> = []
    page.on('request', (request) => {
      const target = new URL(request.url())
      if (/^(https?|wss?):$/.test(target.protocol) && target.origin !== origin) external.push(request.url())
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
    await context.close()
  }
  return result
}
