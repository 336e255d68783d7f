/**
 * Where a search keystroke spends its time: `npx tsx bench/profile-keystrokes.ts <dist folder>` types
 * four words letter by letter (and erases them) in the list's search field, in Chromium with the CPU
 * slowed 4x as the bench slows it, under a CPU profile, and prints the 30 functions with the most self
 * time (the app's are minified: file and line name them). After one search, so the search code is loaded.
 */
import { serveBuild } from '../e2e/browser.ts'
import { launchBenchBrowser, freshContext, APP_READY } from './browser.ts'
import { typeSearch, resultsShown, SEARCH_FIELD } from './list-page.ts'

const dist = process.argv[2]!
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
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
await cdp.send('Profiler.start')
const started = Date.now()
for (const word of ['peers', 'trust', 'coach', 'scope']) {
  await typeSearch(page, word)
  await resultsShown(page, word)
  for (let i = 0; i < word.length; i++) await page.keyboard.press('Backspace')
  await page.waitForTimeout(300)
}
const { profile } = await cdp.send('Profiler.stop') as { profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>; samples: number[]; timeDeltas: number[] } }
console.log('wall', Date.now() - started, 'ms')
const self = new Map<number, number>()
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
const byName = new Map<string, number>()
for (const node of profile.nodes) {
  const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`
  byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0))
}
const total = [...byName.values()].reduce((a, b) => a + b, 0)
for (const [name, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((us / 1000).toFixed(1).padStart(8), 'ms', ((us / total) * 100).toFixed(1).padStart(5), '%', name)
await browser.close()
await server.close()
