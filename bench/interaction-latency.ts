/**
 * How long the list takes to answer the reader, at normal CPU speed: from a tag click, and from a
 * search keystroke, to the updated list being painted (60 of each; median and 95th percentile).
 *
 * One interaction is measured in the page by latency-probe.ts (from the input event to the paint of
 * the last change, a search's first results and its refined ones apart). The floor is the same clicks
 * and keystrokes on a page where the app does nothing (latency-floor.ts). The latency budgets
 * are the floor plus 4 ms (issue 18), so the two must be measured alike, in the same run.
 *
 * `interleavedLatency` measures the app and its floor together, in one browser, interleaved: each on
 * its own page (in its own fresh context), opened and prepared once, the tag clicks and then the
 * keystrokes each cut into ROUNDS rounds, a round running the next stretch of the sequence on one page
 * and then on the other, the order alternating (app, floor, floor, app, ...: interleave.ts). Until
 * stop 26 the floors ran in a phase of their own after the app's, and between two quiet runs of the
 * same code the keystroke floor moved by 4 ms (17.8 to 13.3 ms) while the app's medians stayed put:
 * the budget compared two moments of the machine (a neighbour's build, the CPU's clock) more than the
 * app and the browser. Interleaved, a drift over the run weighs on both alike.
 *
 * Each side runs exactly the sequence the separate phases ran (the same tags toggled on then off, the
 * same words typed letter by letter then erased, in the same order); a round only pauses it, at the
 * same keystroke on both sides (the field's text is checked at each round's start). Between rounds,
 * the page just measured is left to settle (SETTLE_MS, then until its context has no request in flight
 * and its main thread is idle): the app does work when the reader pauses (it loads whole search indexes
 * and every card chunk 500 ms after the last search, its service worker caches what it fetches), which
 * must not run beside the other page's interactions. Then the next page is brought to the front and
 * shown two frames. Headless Chromium does not throttle the page behind (checked at stop 26: both pages
 * visible, focused, requestAnimationFrame at 60 fps, timers and idle callbacks on time; each page keeps
 * the focus in its field), so bringing it to the front is only a precaution.
 *
 * `interactionLatency` and `keystrokeFloor` run one side alone (for trace-keystrokes.ts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { APP_READY, freshContext } from './browser.ts'
import { median, percentile } from './stats.ts'
import { resultsShown, SEARCH_FIELD, typeSearch } from './list-page.ts'
import { abbaRounds, fieldAfter, keystrokeKeys, type Block } from './interleave.ts'
import { measure, type Measured } from './latency-probe.ts'
import { installKeystrokeFloor, installTagFloor } from './latency-floor.ts'

export interface Latencies {
  /** To the first results painted. */
  medianMs: number
  p95Ms: number
  samplesMs: number[]
  /** To the last change painted (a search's refined results). */
  completeMedianMs: number
  completeP95Ms: number
  /** Interactions after which the page showed no change (left out of the figures). */
  unchanged: number
  /** Interactions that changed the page but not the list itself (URL, heading or count only). */
  listUnchanged: number
}

export interface InteractionLatency {
  tag: Latencies
  keystroke: Latencies
}

export interface InterleavedLatency {
  app: InteractionLatency
  /** The same interactions with no app code (SWAP_CARDS, latency-floor.ts), measured between the app's. */
  floor: InteractionLatency
  /** How the rounds went (one line each for the tag clicks and the keystrokes), for the run's log. */
  notes: string[]
}

const INTERACTIONS = 60
/** Typed letter by letter, then erased: cycled until INTERACTIONS keystrokes. */
const SEARCH_WORDS = ['peers', 'trust', 'coach', 'plan', 'scope', 'habit', 'goal']
/** The keystrokes, the same on both sides: the sequence goes on across rounds. */
const KEYS = keystrokeKeys(SEARCH_WORDS, INTERACTIONS)
/**
 * 6 rounds of 10 interactions a side. A round of 10 takes each side ~3-4 s, so a change of the machine's
 * speed that lasts longer than that (a neighbour's build, the CPU's clock) falls on both sides; the
 * even number of rounds gives each side the first place three times (a drift linear over a pair of
 * rounds cancels). Fewer rounds would leave longer stretches to one side; more would add settling
 * (~0.6 s each time, 28 times a size: ~17 s of the ~95 s this takes at 100 posts) for little; 10
 * keystrokes are one word typed and erased.
 */
const ROUNDS = 6
/**
 * After a round, the page just measured gets this long before the other's round, and then until its
 * requests are done and it is idle: past the app's own pause timers (500 ms after the last search or
 * computed view, list-queries.ts and search-query.ts), which start loads of their own.
 */
const SETTLE_MS = 600
/** A page still fetching after this long is left fetching (and the note says so). */
const SETTLE_GIVE_UP_MS = 10_000

/** One page of the measurement, with its context's requests counted. */
interface Side {
  page: Page
  /** Requests of the page's context (its service worker's included) not finished yet. */
  inFlight: () => number
  /** Requests the page's context has started so far. */
  started: () => number
}

/** What one side does: the interaction at a given place of the sequence, and a check before a round. */
interface Steps {
  step: (index: number) => Promise<Measured>
  beforeRound?: (index: number) => Promise<void>
}

/**
 * The app and its floor, interleaved in rounds (see the top of this file): tag clicks, then keystrokes.
 * The floor shows `cards` cards a view, as the app's page does.
 */
export async function interleavedLatency(browser: Browser, url: string, cards: number): Promise<InterleavedLatency> {
  const contexts: BrowserContext[] = []
  const open = async () => {
    const context = await freshContext(browser)
    contexts.push(context)
    return openSide(context, url)
  }
  try {
    const app = await open()
    const tagFloor = await open()
    await installTagFloor(tagFloor.page, cards)
    const tag = await interleave('tag clicks', [app, await tagClicks(app.page)], [tagFloor, await tagClicks(tagFloor.page)])
    await tagFloor.page.context().close()

    await warmUpSearch(app.page)
    const keyFloor = await open()
    await installKeystrokeFloor(keyFloor.page, cards)
    const keystroke = await interleave('keystrokes', [app, keystrokes(app.page)], [keyFloor, keystrokes(keyFloor.page)])
    return {
      app: { tag: tag.app, keystroke: keystroke.app },
      floor: { tag: tag.floor, keystroke: keystroke.floor },
      notes: [tag.note, keystroke.note],
    }
  } finally {
    for (const context of contexts) await context.close()
  }
}

/** The app alone: its tag clicks, then its keystrokes, on one page (as interleavedLatency's app side). */
export async function interactionLatency(browser: Browser, url: string): Promise<InteractionLatency> {
  const context = await freshContext(browser)
  try {
    const app = await openSide(context, url)
    const tag = await alone(app, await tagClicks(app.page))
    await warmUpSearch(app.page)
    return { tag, keystroke: await alone(app, keystrokes(app.page)) }
  } finally {
    await context.close()
  }
}

/** The keystroke floor alone (as interleavedLatency's floor side). */
export async function keystrokeFloor(browser: Browser, url: string, cards: number): Promise<Latencies> {
  const context = await freshContext(browser)
  try {
    const floor = await openSide(context, url)
    await installKeystrokeFloor(floor.page, cards)
    return await alone(floor, keystrokes(floor.page))
  } finally {
    await context.close()
  }
}

/**
 * Runs the rounds of abbaRounds on the two sides, and summarizes each side's interactions. A side whose
 * interactions stop changing the page (tooManyUnchanged) stops; the other goes on.
 */
async function interleave(what: string, app: [Side, Steps], floor: [Side, Steps]): Promise<{ app: Latencies; floor: Latencies; note: string }> {
  const blocks = abbaRounds(INTERACTIONS, ROUNDS)
  const runs = await runBlocks([app, floor], blocks)
  const [appRun, floorRun] = runs as [BlockRun, BlockRun]
  const seconds = (ms: number) => (ms / 1000).toFixed(1)
  const note =
    `${what}: ${ROUNDS} rounds of ${INTERACTIONS / ROUNDS}, app and floor alternating (ABBA); ` +
    `requests while the other page was measured: app ${appRun.requestsAside}, floor ${floorRun.requestsAside}; ` +
    `after its rounds: app ${appRun.requestsSettling}, floor ${floorRun.requestsSettling}; ` +
    `settling ${seconds(appRun.settleMs + floorRun.settleMs)} s${appRun.gaveUp + floorRun.gaveUp ? `, given up ${appRun.gaveUp + floorRun.gaveUp} times (still fetching)` : ''}`
  return { app: summarize(appRun.measured), floor: summarize(floorRun.measured), note }
}

async function alone(side: Side, steps: Steps): Promise<Latencies> {
  const [run] = await runBlocks([[side, steps]], [{ side: 0, start: 0, end: INTERACTIONS }])
  return summarize(run!.measured)
}

interface BlockRun {
  measured: Measured[]
  stopped: boolean
  /** Requests this side's context started while another side's round was measured. */
  requestsAside: number
  /** Requests it started while settling after its own rounds. */
  requestsSettling: number
  settleMs: number
  gaveUp: number
}

async function runBlocks(sides: Array<[Side, Steps]>, blocks: Block[]): Promise<BlockRun[]> {
  const runs: BlockRun[] = sides.map(() => ({ measured: [], stopped: false, requestsAside: 0, requestsSettling: 0, settleMs: 0, gaveUp: 0 }))
  const record = async (which: number) => {
    const settled = await settle(sides[which]![0])
    const run = runs[which]!
    run.requestsSettling += settled.requests
    run.settleMs += settled.ms
    run.gaveUp += Number(settled.gaveUp)
  }
  // Each page at rest before the first round (the app's first load and its worker, the floor's SWAP_CARDS).
  for (let which = 0; which < sides.length; which += 1) await record(which)
  for (const block of blocks) {
    const [side, steps] = sides[block.side]!
    const run = runs[block.side]!
    if (run.stopped) continue
    const othersBefore = sides.map(([other]) => other.started())
    await side.page.bringToFront()
    await side.page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))')
    await steps.beforeRound?.(block.start)
    for (let index = block.start; index < block.end; index += 1) {
      run.measured.push(await steps.step(index))
      if (tooManyUnchanged(run.measured)) {
        run.stopped = true
        break
      }
    }
    sides.forEach(([other], which) => {
      if (which !== block.side) runs[which]!.requestsAside += other.started() - othersBefore[which]!
    })
    await record(block.side)
  }
  return runs
}

/** Waits until the page has done what its last round left it doing (see SETTLE_MS). */
async function settle(side: Side): Promise<{ ms: number; requests: number; gaveUp: boolean }> {
  const started = performance.now()
  const requestsBefore = side.started()
  const deadline = started + SETTLE_GIVE_UP_MS
  await side.page.waitForTimeout(SETTLE_MS)
  do {
    while (side.inFlight() > 0 && performance.now() < deadline) await side.page.waitForTimeout(50)
    await side.page.evaluate('new Promise((done) => requestIdleCallback(() => done(), { timeout: 1000 }))')
  } while (side.inFlight() > 0 && performance.now() < deadline)
  return { ms: performance.now() - started, requests: side.started() - requestsBefore, gaveUp: side.inFlight() > 0 }
}

/** The list page in this context, its requests counted. */
async function openSide(context: BrowserContext, url: string): Promise<Side> {
  const pending = new Set<unknown>()
  let started = 0
  context.on('request', (request) => {
    pending.add(request)
    started += 1
  })
  context.on('requestfinished', (request) => pending.delete(request))
  context.on('requestfailed', (request) => pending.delete(request))
  const page = await openList(context, url)
  return { page, inFlight: () => pending.size, started: () => started }
}

/** The list page, loaded and taken over by the app. */
async function openList(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 })
  await page.locator(APP_READY).waitFor({ state: 'attached', timeout: 60_000 })
  return page
}

/** Each tag toggled on then off again, a different tag each time, so every click changes the list. */
async function tagClicks(page: Page): Promise<Steps> {
  const toggles = page.locator('button.tag-toggle')
  const tagCount = await toggles.count()
  if (tagCount === 0) throw new Error('No button.tag-toggle on the list page')
  return { step: (index) => measure(page, 'click', () => toggles.nth(Math.floor(index / 2) % tagCount).click()) }
}

/** The words of KEYS typed and erased in the focused search field, one measured keystroke at a time. */
function keystrokes(page: Page): Steps {
  return {
    step: (index) => measure(page, 'keydown', () => page.keyboard.press(KEYS[index]!)),
    // A round starts where the last one stopped: the field focused, holding the same text on both sides.
    beforeRound: async (index) => {
      const [focused, value] = (await page.evaluate(
        `[document.activeElement?.matches(${JSON.stringify(SEARCH_FIELD)}) ?? false, document.querySelector(${JSON.stringify(SEARCH_FIELD)})?.value ?? null]`,
      )) as [boolean, string | null]
      if (!focused) throw new Error(`The search field lost the focus before keystroke ${index}`)
      if (value !== fieldAfter(KEYS, index)) throw new Error(`The search field holds ${JSON.stringify(value)} before keystroke ${index}, not ${JSON.stringify(fieldAfter(KEYS, index))}`)
    },
  }
}

/** Search: load the index first (it loads on the first focus) and run one search, uncounted. */
async function warmUpSearch(page: Page): Promise<void> {
  const field = page.locator(SEARCH_FIELD)
  await field.click()
  await typeSearch(page, 'team')
  await resultsShown(page, 'team')
  await field.fill('')
  await page.waitForFunction(() => !location.search.includes('q='), null, { timeout: 60_000 })
  await page.waitForTimeout(500)
}

function tooManyUnchanged(measured: Measured[]): boolean {
  return measured.length >= 3 && measured.slice(-3).every((entry) => !entry.changed)
}

function summarize(measured: Measured[]): Latencies {
  const counted = measured.filter((entry) => entry.changed && entry.latencyMs !== null)
  const samplesMs = counted.map((entry) => entry.firstMs ?? entry.latencyMs!)
  const completeMs = counted.map((entry) => entry.latencyMs!)
  return {
    medianMs: median(samplesMs),
    p95Ms: percentile(samplesMs, 95),
    samplesMs,
    completeMedianMs: median(completeMs),
    completeP95Ms: percentile(completeMs, 95),
    unchanged: measured.filter((entry) => !entry.changed).length,
    listUnchanged: measured.filter((entry) => entry.changed && !entry.listChanged).length,
  }
}
