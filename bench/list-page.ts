/**
 * Driving the list page through its stable hooks (#post-search, .result-count, ?q= in the URL).
 * Typing waits for the URL to follow each key before the next one: typed faster, the search field can
 * lose a key (it is reset to the URL's older value when a navigation lands late), and the benchmark
 * must measure searches for the words it means.
 */
import type { Page } from 'playwright-core'

export const SEARCH_FIELD = '#post-search'

export async function typeSearch(page: Page, text: string, timeout = 60_000): Promise<void> {
  const field = page.locator(SEARCH_FIELD)
  for (let length = 1; length <= text.length; length += 1) {
    await field.press(text[length - 1]!)
    await page.waitForFunction(
      ([selector, expected]) =>
        new URLSearchParams(location.search).get('q') === expected && (document.querySelector(selector!) as HTMLInputElement | null)?.value === expected,
      [SEARCH_FIELD, text.slice(0, length)],
      { timeout },
    )
  }
}

/** Resolves once the list shows a result count (not "Searching…") for the search `q` in the URL. */
export async function resultsShown(page: Page, q: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (expected) => new URLSearchParams(location.search).get('q') === expected && /\d/.test(document.querySelector('.result-count')?.textContent ?? ''),
    q,
    { timeout },
  )
}
