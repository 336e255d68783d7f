import { chromium } from 'playwright-core'
import { mkdtempSync } from 'node:fs'
const context = await chromium.launchPersistentContext(mkdtempSync('/tmp/shot19b-'), { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], headless: true })
const { preview } = await import('vite')
const server = await preview({ base: '/', logLevel: 'silent', build: { outDir: 'dist' }, preview: { port: 0, host: '127.0.0.1' } })
const url = `http://127.0.0.1:${(server.httpServer.address() as any).port}/`
const POST = 'blog/grow-and-make-impact-with-peer-focus-mindset/'
for (const theme of ['light', 'dark']) for (const width of [360, 1440]) {
  const page = await context.newPage()
  await page.setViewportSize({ width, height: 800 })
  await page.addInitScript((t) => localStorage.setItem('theme', t), theme)
  await page.goto(url + POST, { waitUntil: 'networkidle' })
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' })
  await page.getByRole('button', { name: 'Reading settings' }).click()
  await page.getByRole('region', { name: 'Reading settings' }).waitFor()
  await page.waitForTimeout(300)
  await page.screenshot({ path: `/tmp/shots-19b/panel-${width}-${theme}.png` })
  await page.close()
}
// Larger + wide applied, 1440
{
  const page = await context.newPage()
  await page.setViewportSize({ width: 1440, height: 800 })
  await page.addInitScript(() => { localStorage.setItem('text-size', 'larger'); localStorage.setItem('line-width', 'wide'); localStorage.removeItem('theme') })
  await page.goto(url + POST, { waitUntil: 'networkidle' })
  await page.screenshot({ path: `/tmp/shots-19b/larger-wide-1440-light.png` })
  await page.evaluate(() => { localStorage.removeItem('text-size'); localStorage.removeItem('line-width') })
  await page.close()
}
// offline state
{
  const page = await context.newPage()
  await page.setViewportSize({ width: 360, height: 800 })
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  await page.goto(url + POST, { waitUntil: 'networkidle' })
  await page.getByText('Saved for offline reading').waitFor()
  await page.locator('.offline-status').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `/tmp/shots-19b/offline-saved-360-light.png` })
  await page.goto(url + 'blog/ship-small-learn-fast/', { waitUntil: 'networkidle' })
  await context.setOffline(true)
  await page.goto(url + 'blog/hiring-for-what-the-team-needs-next/')
  await page.screenshot({ path: `/tmp/shots-19b/offline-not-saved-360-light.png` })
  await context.setOffline(false)
  await page.close()
}
{
  const page = await context.newPage()
  await page.setViewportSize({ width: 1440, height: 800 })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(url + POST, { waitUntil: 'networkidle' })
  await page.getByText('Saved for offline reading').waitFor()
  await page.locator('.offline-status').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `/tmp/shots-19b/offline-saved-1440-dark.png` })
  await context.setOffline(true)
  await page.goto(url + 'blog/hiring-for-what-the-team-needs-next/')
  await page.screenshot({ path: `/tmp/shots-19b/offline-not-saved-1440-dark.png` })
  await context.setOffline(false)
  await page.close()
}
// first visit: the save button
{
  const c2 = await chromium.launchPersistentContext(mkdtempSync('/tmp/shot19b-'), { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], headless: true })
  const page = await c2.newPage()
  await page.setViewportSize({ width: 360, height: 800 })
  await page.goto(url + POST, { waitUntil: 'networkidle' })
  await page.getByRole('button', { name: 'Save for offline' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: `/tmp/shots-19b/offline-save-button-360-light.png` })
  await c2.close()
}
await context.close(); await server.close()
