/**
 * Where a search keystroke spends its time: `npx tsx bench/profile-keystrokes.ts <dist folder> [cpu rate]`
 * types four words letter by letter (and erases them) in the list's search field, in Chromium with the
 * CPU slowed 4x (or `cpu rate`; the latency bench runs at 1), under a CPU profile, and prints the 30
 * functions with the most self time and the 30 with the most total time (their callees included). The
 * app's are minified: file, line and column name them. After one search, so the search code is loaded.
 */
import { serveBuild } from '../e2e/browser.ts'
import { launchBenchBrowser, freshContext, APP_READY } from './browser.ts'
import { typeSearch, resultsShown, SEARCH_FIELD } from './list-page.ts'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}

const dist = process.argv[2]!
const rate = Number(process.argv[3] ?? 4)
const { server, url } = await serveBuild(dist)
const browser = await launchBenchBrowser()
const context = await freshContext(browser)
const page = await context.newPage()
await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 })
await page.locator(APP_READY).waitFor({ state: 'attached' })
const cdp = await context.newCDPSession(page)
await page.locator(SEARCH_FIELD).click()
await typeSearch(page, 'team')
await resultsShown(page, 'team')
await page.locator(SEARCH_FIELD).fill('')
await page.waitForTimeout(1000)
await cdp.send('Emulation.setCPUThrottlingRate', { rate })
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
await cdp.send('Profiler.start')
const started = Date.now()
let keys = 0
for (const word of ['peers', 'trust', 'coach', 'scope', 'plan', 'habit', 'goal']) {
  await typeSearch(page, word)
  await resultsShown(page, word)
  for (let i = 0; i < word.length; i++) await page.keyboard.press('Backspace')
  keys += word.length * 2
  await page.waitForTimeout(300)
}
const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } }
console.log('wall', Date.now() - started, 'ms,', keys, 'keystrokes')
const nameOf = (node: ProfileNode) => `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}:${node.callFrame.columnNumber}`
const parent = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const self = new Map<string, number>()
const total = new Map<string, number>()
let all = 0
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0
  all += delta
  const node = byId.get(id)!
  self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + delta)
  const seen = new Set<string>()
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = nameOf(byId.get(at)!)
    if (seen.has(name)) continue
    seen.add(name)
    total.set(name, (total.get(name) ?? 0) + delta)
  }
})
const print = (title: string, values: Map<string, number>) => {
  console.log(`\n${title} (ms per keystroke, % of the profile)`)
  for (const [name, us] of [...values].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((us / 1000 / keys).toFixed(2).padStart(8), 'ms', ((us / all) * 100).toFixed(1).padStart(5), '%', name)
}
print('self time', self)
print('total time', total)
await browser.close()
await server.close()
