/**
 * The in-page probe that measures one interaction (interaction-latency.ts runs them): from the input
 * event to the paint of the page's last change.
 *
 * Measured in the page: a capture listener takes the input event's timeStamp (the browser's time of
 * the input, so queueing counts); a MutationObserver on <main> watches what the interaction changes;
 * after each change, requestAnimationFrame followed by a MessageChannel message marks the paint of
 * that frame. The latency runs to the paint after the last change, once <main> has been still for
 * QUIET_MS, so a list that updates in several steps (a deferred render, a "Searching…" state) counts
 * until it is complete. Each interaction must change the page (URL, heading, result count or list);
 * one that does not is counted as unchanged and left out of the figures.
 *
 * A search shows its first results (titles, descriptions, tags) and then refines them with the bodies'
 * matches (issue 18: within 300 ms). Both are measured: `firstMs`, to the paint of the first frame that
 * shows a result count (no "…") and a changed page, what the reader waits for; `latencyMs`, to the
 * last change, the refinement included. Tag clicks have one step: the two are the same.
 */
import type { Page } from 'playwright-core'

export interface Measured {
  latencyMs: number | null
  firstMs: number | null
  changed: boolean
  listChanged: boolean
}

const QUIET_MS = 250
/** An interaction that changes nothing for this long is given up as unchanged. */
const GIVE_UP_MS = 15_000

/** Arms the in-page probe for the next `eventType` event, runs the interaction, then waits for the probe. */
export async function measure(page: Page, eventType: 'click' | 'keydown', act: () => Promise<void>): Promise<Measured> {
  await page.evaluate(`(${PROBE})(${JSON.stringify({ eventType, quietMs: QUIET_MS, giveUpMs: GIVE_UP_MS })})`)
  await act()
  return page.evaluate('window.__benchProbe') as Promise<Measured>
}

/**
 * The in-page probe, as source text: tsx wraps named functions in a `__name` helper that does not exist
 * in the page, so a TypeScript function cannot be handed to page.evaluate here.
 */
const PROBE = `({ eventType, quietMs, giveUpMs }) => {
  const root = document.querySelector('main') ?? document.body
  const pageSignature = () =>
    [location.href, document.querySelector('h1')?.textContent ?? '', document.querySelector('.result-count')?.textContent ?? ''].join('\\n')
  const listSignature = () => {
    const list = document.querySelector('ol.post-list')
    if (!list) return 'no list'
    const first = []
    for (let index = 0; index < Math.min(5, list.children.length); index += 1) first.push(list.children[index].querySelector('a')?.getAttribute('href') ?? '')
    return list.childElementCount + ' ' + first.join(' ')
  }
  const pageBefore = pageSignature()
  const listBefore = listSignature()
  window.__benchProbe = new Promise((resolve) => {
    let start = null
    let changes = 0
    let lastPaint = NaN
    let firstPaint = NaN
    let quiet
    let giveUp
    const finish = () => {
      observer.disconnect()
      document.removeEventListener(eventType, onEvent, true)
      clearTimeout(quiet)
      clearTimeout(giveUp)
      const listChanged = listSignature() !== listBefore
      resolve({
        latencyMs: start !== null && changes > 0 ? lastPaint - start : null,
        firstMs: start !== null && changes > 0 && !Number.isNaN(firstPaint) ? firstPaint - start : null,
        changed: changes > 0 && (listChanged || pageSignature() !== pageBefore),
        listChanged,
      })
    }
    const onEvent = (event) => {
      if (start !== null) return
      start = event.timeStamp
      giveUp = setTimeout(finish, giveUpMs)
    }
    const observer = new MutationObserver(() => {
      if (start === null) return
      changes += 1
      const mine = changes
      clearTimeout(quiet)
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => {
          if (mine !== changes) return
          lastPaint = performance.now()
          const counted = !(document.querySelector('.result-count')?.textContent ?? '').includes('…')
          if (Number.isNaN(firstPaint) && counted && (listSignature() !== listBefore || pageSignature() !== pageBefore)) firstPaint = lastPaint
          quiet = setTimeout(finish, quietMs)
        }
        channel.port2.postMessage(null)
      })
    })
    document.addEventListener(eventType, onEvent, true)
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true })
  })
}`
