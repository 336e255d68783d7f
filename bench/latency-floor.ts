/**
 * The floor is the same clicks and keystrokes on a page where the app does nothing (SWAP_CARDS): the
 * browser's own time to show a page of new cards (and, for a keystroke, to put the character in the
 * field), the least any implementation of the list could take on this machine (interaction-latency.ts
 * measures the two together).
 */
import type { Page } from 'playwright-core'
import { SEARCH_FIELD } from './list-page.ts'

/** A keystroke's events other than `input`, kept from the app in the keystroke floor (React listens to each). */
const KEY_EVENTS = ['keydown', 'keypress', 'beforeinput', 'textInput', 'keyup']

/**
 * The browser's own share of a search keystroke, measured like the tag click floor: the same keystrokes
 * in the same field, typed as the app's are (the character goes into the field and the browser fires
 * `input`), each answered only by swapping in a precomputed page of `cards` result cards (another tag's
 * prerendered first page) on that `input` event, with no app code (no index, no search, no React, no
 * URL): the app hears neither the input nor the key's own events (KEY_EVENTS). Until issue 18's review
 * the keydown was cancelled instead, so the floor skipped the text edit the app's keystroke pays for.
 */
export async function installKeystrokeFloor(page: Page, cards: number): Promise<void> {
  await page.locator(SEARCH_FIELD).click()
  await page.evaluate(`(${SWAP_CARDS})(${cards}, 'input', '${SEARCH_FIELD}', ${JSON.stringify(KEY_EVENTS)}, false, true)`)
}

/**
 * The browser's own share of a tag click on this machine: the same clicks on the same page, but each one
 * only puts another tag's first `cards` cards in the list, as the prerendered HTML of that tag's page (no
 * app code runs: no data, no React, no tag counts, no URL). What this takes, any app takes at the least to
 * show that many new cards.
 */
export async function installTagFloor(page: Page, cards: number): Promise<void> {
  await page.evaluate(`(${SWAP_CARDS})(${cards}, 'click', 'button.tag-toggle', [], true)`)
}

/**
 * For the floors, as source text (see PROBE, latency-probe.ts): loads the first page of a dozen tags
 * (their prerendered HTML), keeps `cards` cards of each and of the list shown, and from then on answers an `eventType` event
 * on `selector` (a tag toggle's click, the search field's input) by swapping in the next tag's cards, or
 * the first ones again, before the app hears of it. It listens on <body> while capturing: after the probe
 * (on the document), before the app (on its root element). The `hidden` events on `selector` (a
 * keystroke's keydown) are only kept from the app, their default action left to happen (the character
 * typed); `cancel` also cancels `eventType`'s default action (a click's).
 *
 * `full`: every view has `cards` cards, as a search's page is full whatever the blog's size: where a tag
 * has fewer, the tags' cards are pooled (each once) and cut into pages. Without it a view is one tag's
 * first page, as a tag click shows it: at 100 posts a tag has 3-8 posts, and a keystroke floor made of those swapped in 5
 * cards every other keystroke where the app's keystrokes each showed 20.
 */
const SWAP_CARDS = `async (cards, eventType, selector, hidden = [], cancel = false, full = false) => {
  const list = document.querySelector('ol.post-list')
  const keep = (ol) => [...ol.children].slice(0, cards).map((item) => item.outerHTML).join('')
  const tagPages = [...new Set([...document.querySelectorAll('a.tag-chip')].map((link) => link.getAttribute('href')))].slice(0, 12)
  const parsed = await Promise.all(tagPages.map(async (href) => new DOMParser().parseFromString(await (await fetch(href)).text(), 'text/html')))
  const lists = parsed.map((page) => page.querySelector('ol.post-list')).filter(Boolean)
  const pooled = () => {
    const seen = new Set()
    const items = lists.flatMap((ol) => [...ol.children]).filter((item) => {
      const href = item.querySelector('a')?.getAttribute('href')
      return !seen.has(href) && seen.add(href)
    })
    const pages = []
    for (let start = 0; start + cards <= items.length; start += cards) pages.push(items.slice(start, start + cards).map((item) => item.outerHTML).join(''))
    return pages
  }
  const views = full && lists.some((ol) => ol.children.length < cards) ? pooled() : lists.map(keep)
  if (views.length === 0) throw new Error('No tag page with a list of cards' + (full ? ', or not ' + cards + ' of them' : ''))
  const first = keep(list)
  list.innerHTML = first
  let clicks = 0
  for (const type of hidden) document.body.addEventListener(type, (event) => {
    if (event.target.closest(selector)) event.stopPropagation()
  }, true)
  document.body.addEventListener(eventType, (event) => {
    if (!event.target.closest(selector)) return
    event.stopPropagation()
    if (cancel) event.preventDefault()
    clicks += 1
    list.innerHTML = clicks % 2 ? views[(clicks >> 1) % views.length] : first
  }, true)
}`
