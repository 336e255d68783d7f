/**
 * First contentful paint, largest contentful paint and cumulative layout shift of one page on a slow
 * phone-like CPU (4x slowdown through the DevTools protocol), with JavaScript on or off, so the build
 * can show that the prerendered page paints as soon without the app as with it.
 *
 * Everything is read through the DevTools protocol, which works whether or not the page may run
 * scripts: LCP and layout shifts from `PerformanceTimeline` events (renderTime, epoch seconds), the
 * time origin and the `first-contentful-paint` entry through `Runtime.evaluate` (DevTools evaluation
 * is not blocked by disabled JavaScript; the lifecycle event is the fallback). Each load uses a fresh
 * context with the cache disabled; the figure is the median of the loads (CLS: the worst load), the
 * pages' loads taking turns, each page first, second and last in turn.
 *
 * A first paint can be partial: the browser may paint a frame while the parser is still in the body
 * (the header and title, the article a frame or more later), which puts FCP 100-300 ms before LCP on that
 * load. Whether a load's first frame falls there is a race between the parser's time slices and the
 * frames, run to run (docs/paint-stop-25.md), so the figures count those loads (`partialFirstPaints`)
 * beside the medians rather than leave them out: they are what a reader sees first.
 */
import type { Browser } from 'playwright-core'
import { APP_READY, freshContext } from './browser.ts'
import { median } from './stats.ts'

export interface PaintLoad {
  fcpMs: number
  lcpMs: number
  cls: number
}

export interface PaintFigures {
  fcpMs: number
  lcpMs: number
  /** The largest CLS of the loads. */
  cls: number
  /** Loads whose first paint came at least PARTIAL_PAINT_MS before their largest one. */
  partialFirstPaints: number
  loads: PaintLoad[]
}

/** A page to load: `appless`, a page with JavaScript on that has no app to wait for (paint-compare.ts). */
export interface PaintPage {
  url: string
  javaScriptEnabled: boolean
  loads?: number
  appless?: boolean
}

/** A first paint this much before the largest one is of part of the page (one frame is 16.7 ms). */
export const PARTIAL_PAINT_MS = 40

interface TimelineEvent {
  frameId: string
  type: string
  time: number
  lcpDetails?: { renderTime: number; loadTime: number; size: number }
  layoutShiftDetails?: { value: number; hadRecentInput: boolean }
}

/** How long the page is watched after it has loaded (and hydrated), for late paints and shifts. */
const SETTLE_MS = 1000
/**
 * Without JavaScript, after `load` (which waits for the page's images, stylesheets and fonts) nothing
 * can change the page but its own frames, and a second of watching each load cost 70 s of a whole run,
 * over its 15 minutes on a slower machine. But at 4x CPU the first frame may come after `load` (a fixed
 * 250 ms missed it in 4 of 93 loads): the page is watched until its first and largest contentful paints
 * are reported and QUIET_MS pass with no new paint or shift, for at most UNPAINTED_MS.
 */
const QUIET_MS = 300
const UNPAINTED_MS = 5000

/**
 * Loads each page `loads` times (or its own number), taking turns so that a busy moment of the machine
 * falls on every page alike rather than on one of the figures being compared; the order turns too
 * (A B C, B C A, C A B, ...), so no page always follows the same one.
 */
export async function paintTimings<Name extends string>(
  browser: Browser,
  pages: Record<Name, PaintPage>,
  loads = 7,
): Promise<Record<Name, PaintFigures>> {
  const names = Object.keys(pages) as Name[]
  const loadsOf = (name: Name) => pages[name].loads ?? loads
  const results = Object.fromEntries(names.map((name) => [name, [] as PaintLoad[]])) as Record<Name, PaintLoad[]>
  for (let load = 0; load < Math.max(...names.map(loadsOf)); load += 1) {
    const order = names.map((_, index) => names[(index + load) % names.length]!)
    for (const name of order) if (load < loadsOf(name)) results[name].push(await loadOnce(browser, pages[name]))
  }
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        fcpMs: median(results[name].map((result) => result.fcpMs)),
        lcpMs: median(results[name].map((result) => result.lcpMs)),
        cls: Math.max(...results[name].map((result) => result.cls)),
        partialFirstPaints: results[name].filter((result) => result.lcpMs - result.fcpMs >= PARTIAL_PAINT_MS).length,
        loads: results[name],
      },
    ]),
  ) as Record<Name, PaintFigures>
}

async function loadOnce(browser: Browser, { url, javaScriptEnabled, appless = false }: PaintPage): Promise<PaintLoad> {
  const context = await freshContext(browser, { javaScriptEnabled })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    const events: TimelineEvent[] = []
    let lifecycleFcp = Number.NaN
    let documentRequest = Number.NaN
    let lastEventAt = performance.now()
    cdp.on('PerformanceTimeline.timelineEventAdded', ({ event }) => {
      events.push(event as TimelineEvent)
      lastEventAt = performance.now()
    })
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.type === 'Document' && Number.isNaN(documentRequest)) documentRequest = event.timestamp
    })
    cdp.on('Page.lifecycleEvent', (event) => {
      if (event.name === 'firstContentfulPaint' && Number.isNaN(lifecycleFcp)) lifecycleFcp = event.timestamp
    })
    await cdp.send('Page.enable')
    await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true })
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('PerformanceTimeline.enable', { eventTypes: ['largest-contentful-paint', 'layout-shift'] })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    // Not 'networkidle' (half a second of quiet, and later for the list's idle prefetches): the settling
    // time below watches for late paints, and a shorter load leaves time for more loads.
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 })
    if (javaScriptEnabled && !appless) await page.locator(APP_READY).waitFor({ state: 'attached', timeout: 60_000 })
    if (javaScriptEnabled) {
      await page.waitForTimeout(SETTLE_MS)
    } else {
      const loaded = performance.now()
      const painted = () => !Number.isNaN(lifecycleFcp) && events.some((event) => event.type === 'largest-contentful-paint')
      while (!painted() || performance.now() - lastEventAt < QUIET_MS) {
        if (performance.now() - loaded > UNPAINTED_MS) throw new Error(`${url} without JavaScript: no first or largest contentful paint ${UNPAINTED_MS} ms after load`)
        await page.waitForTimeout(50)
      }
    }
    const { frameTree } = await cdp.send('Page.getFrameTree')
    const evaluated = await cdp.send('Runtime.evaluate', {
      expression: `JSON.stringify({ origin: performance.timeOrigin, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null })`,
      returnByValue: true,
    })
    const { origin, fcp } = JSON.parse(String(evaluated.result.value)) as { origin: number; fcp: number | null }
    const mine = events.filter((event) => event.frameId === frameTree.frame.id)
    const lcp = mine.filter((event) => event.type === 'largest-contentful-paint').at(-1)?.lcpDetails
    const lcpTime = lcp ? lcp.renderTime || lcp.loadTime : Number.NaN
    const load = {
      fcpMs: fcp ?? (lifecycleFcp - documentRequest) * 1000,
      lcpMs: lcpTime * 1000 - origin,
      cls: cumulativeLayoutShift(mine.filter((event) => event.type === 'layout-shift')),
    }
    // A load without a figure would be written as null and sorted anywhere among the others' medians.
    if (!Number.isFinite(load.fcpMs) || !Number.isFinite(load.lcpMs)) throw new Error(`${url}${javaScriptEnabled ? '' : ' without JavaScript'}: no first or largest contentful paint was reported`)
    return load
  } finally {
    await context.close()
  }
}

/** CLS as the web defines it: the largest session window (gaps under 1 s, at most 5 s long). */
function cumulativeLayoutShift(shifts: TimelineEvent[]): number {
  let largest = 0
  let session = 0
  let windowStart = 0
  let previous = 0
  for (const shift of shifts) {
    if (!shift.layoutShiftDetails || shift.layoutShiftDetails.hadRecentInput) continue
    if (session > 0 && (shift.time - previous > 1 || shift.time - windowStart > 5)) session = 0
    if (session === 0) windowStart = shift.time
    session += shift.layoutShiftDetails.value
    previous = shift.time
    largest = Math.max(largest, session)
  }
  return largest
}
