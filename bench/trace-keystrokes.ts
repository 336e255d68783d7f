/**
 * Where the main thread's time goes on a search keystroke, the app's beside the floor's (no app code):
 * `npx tsx bench/trace-keystrokes.ts <dist folder> [app|floor|both]` runs the bench's keystroke loops
 * (interaction-latency.ts) under a Chromium trace, at normal CPU speed as the bench does, and prints per
 * keystroke the median time of each kind of main-thread work (script, style, layout, paint...) between
 * the keydown and the next frame's commit after the page stopped changing. Same-run comparison: both
 * loops run in one browser, one after the other.
 */
import { readFileSync, rmSync } from 'node:fs'
import { serveBuild } from '../e2e/browser.ts'
import { launchBenchBrowser } from './browser.ts'
import { interactionLatency, keystrokeFloor } from './interaction-latency.ts'
import { PAGE_SIZE } from '../src/shared/list-data.ts'
import { median } from './stats.ts'

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { name?: string; data?: { type?: string; url?: string; functionName?: string } }
}

const dist = process.argv[2]!
const which = process.argv[3] ?? 'both'
const { server, url } = await serveBuild(dist)
const browser = await launchBenchBrowser()
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing']

async function traced(label: string, run: () => Promise<{ medianMs: number; p95Ms: number }>) {
  const file = `/tmp/trace-${label}-${process.pid}.json`
  await browser.startTracing(undefined, { path: file, categories })
  const latencies = await run()
  await browser.stopTracing()
  const events = (JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  rmSync(file)
  console.log(`\n== ${label}: median ${latencies.medianMs.toFixed(1)} ms, p95 ${latencies.p95Ms.toFixed(1)} ms`)
  report(events)
}

/** Top-level main-thread work from each keydown to 120 ms later (or the next keydown), by kind. */
function report(events: TraceEvent[]) {
  const mains = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`))
  const main = events.filter((event) => event.ph === 'X' && mains.has(`${event.pid}:${event.tid}`)).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const keydowns = main.filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'keydown').map((event) => event.ts)
  // Only the keystrokes after the warm-up search: the last 60.
  const measured = keydowns.slice(-60)
  const perKind = new Map<string, number[]>()
  const totals: number[] = []
  measured.forEach((start, index) => {
    const end = Math.min(measured[index + 1] ?? Infinity, start + 120_000)
    const sums = new Map<string, number>()
    // Self time of each event (its duration less its children's), so nested work is counted once.
    const stack: Array<{ end: number; kind: string }> = []
    let total = 0
    for (const event of main) {
      if (event.ts < start || event.ts >= end) continue
      const dur = (event.dur ?? 0) / 1000
      while (stack.length > 0 && stack.at(-1)!.end <= event.ts) stack.pop()
      const parent = stack.at(-1)
      if (parent) sums.set(parent.kind, (sums.get(parent.kind) ?? 0) - dur)
      else total += dur
      const kind = event.name === 'FunctionCall' ? `FunctionCall ${event.args?.data?.functionName || ''}`.trim() : event.name
      sums.set(kind, (sums.get(kind) ?? 0) + dur)
      stack.push({ end: event.ts + (event.dur ?? 0), kind })
    }
    totals.push(total)
    for (const [kind, ms] of sums) perKind.set(kind, [...(perKind.get(kind) ?? []), ms])
  })
  console.log(`keystrokes traced: ${measured.length}; main-thread busy within 120 ms, median ${median(totals).toFixed(1)} ms`)
  const rows = [...perKind].map(([kind, values]) => ({ kind, mean: values.reduce((a, b) => a + b, 0) / measured.length, count: values.length }))
  for (const row of rows.sort((a, b) => b.mean - a.mean).slice(0, 25)) console.log(row.mean.toFixed(2).padStart(8), 'ms/key', String(row.count).padStart(4), 'keys', row.kind)
}

try {
  if (which !== 'app') await traced('floor', () => keystrokeFloor(browser, url, PAGE_SIZE))
  if (which !== 'floor') await traced('app', async () => (await interactionLatency(browser, url)).keystroke)
} finally {
  await browser.close()
  await server.close()
}
