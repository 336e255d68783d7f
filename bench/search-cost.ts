/**
 * What the first search costs and whether it searches post bodies: the bytes (raw and gzip) of every
 * response requested from the focus of #post-search (which starts loading the index) until the first
 * results for a word are shown, and of the index loaded after them, on the reader's pause; the files
 * that make the list load, none of which the list's first load may have requested; and whether a word
 * found only in one post's body (see generate-posts.ts) lists that post. A fresh context at normal CPU
 * speed.
 */
import { gzipSync } from 'node:zlib'
import type { Browser, Response } from 'playwright-core'
import { APP_READY, freshContext } from './browser.ts'
import { resultsShown, SEARCH_FIELD, typeSearch } from './list-page.ts'

export interface SearchCost {
  raw: number
  gzip: number
  /** What the page loads of the index after the first results are shown (a small index loads whole). */
  laterGzip: number
  /** Paths (from the site root) requested for the first search. */
  files: string[]
  /** Of those, the ones the list page had already requested on its first load (budget: none). */
  onFirstLoad: string[]
  /** The post with the word in its body was among the results. */
  foundBodyWord: boolean
  resultCount: string
}

export async function searchCost(browser: Browser, url: string, word: string, postPath: string): Promise<SearchCost> {
  const context = await freshContext(browser)
  try {
    const page = await context.newPage()
    const relative = (address: string) => address.replace(new URL(url).origin, '')
    const firstLoad = new Set<string>()
    let searching = false
    const searchResponses: Array<Promise<{ file: string; raw: number; gzip: number }>> = []
    page.on('request', (request) => {
      if (!searching) firstLoad.add(relative(request.url()))
    })
    const measure = (response: Response) =>
      response.body().then(
        (body) => ({ file: relative(response.url()), raw: body.length, gzip: gzipSync(body).length }),
        () => ({ file: relative(response.url()), raw: 0, gzip: 0 }),
      )
    const onResponse = (response: Response) => {
      // The browser asks for the icon again when the URL changes: not part of search.
      if (/\/favicon\.[a-z]+$/.test(new URL(response.url()).pathname)) return
      searchResponses.push(measure(response))
    }
    const laterResponses: Array<Promise<{ raw: number; gzip: number }>> = []
    const onLaterResponse = (response: Response) => {
      if (new URL(response.url()).pathname.includes('/data/search/')) laterResponses.push(measure(response))
    }
    await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 })
    await page.locator(APP_READY).waitFor({ state: 'attached', timeout: 60_000 })
    await page.waitForLoadState('networkidle')

    searching = true
    page.on('response', onResponse)
    await page.locator(SEARCH_FIELD).click()
    await typeSearch(page, word)
    await resultsShown(page, word)
    page.off('response', onResponse)
    // The rest of a small index loads once the reader pauses (0.5 s without a search) and the page is
    // idle (at the latest 2 s later): watched until 3.5 s pass with nothing new.
    page.on('response', onLaterResponse)
    for (let seen = -1; seen !== laterResponses.length; ) {
      seen = laterResponses.length
      await page.waitForTimeout(3500)
    }
    page.off('response', onLaterResponse)
    const later = await Promise.all(laterResponses)
    const foundBodyWord = (await page.locator(`ol.post-list a[href$="${postPath}"]`).count()) > 0
    const resultCount = (await page.locator('.result-count').textContent()) ?? ''
    const responses = await Promise.all(searchResponses)
    const files = [...new Set(responses.map((response) => response.file))]
    return {
      raw: responses.reduce((sum, response) => sum + response.raw, 0),
      gzip: responses.reduce((sum, response) => sum + response.gzip, 0),
      laterGzip: later.reduce((sum, response) => sum + response.gzip, 0),
      files,
      onFirstLoad: files.filter((file) => firstLoad.has(file)),
      foundBodyWord,
      resultCount,
    }
  } finally {
    await context.close()
  }
}
