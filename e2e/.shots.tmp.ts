import { launchBrowser, serveBuild } from './browser.ts'
const [, , folder = 'dist', base = '/', ...paths] = process.argv
const { server, url } = await serveBuild(folder, base)
const context = await launchBrowser()
const page = await context.newPage()
for (const spec of paths) {
  const [path, width, theme, scroll] = spec.split('@')
  await page.setViewportSize({ width: Number(width), height: 900 })
  await page.emulateMedia({ colorScheme: theme as 'light' | 'dark' })
  await page.goto(url + path.replace(/^\//, ''))
  await page.waitForTimeout(600)
  if (scroll) {
    await page.locator(scroll).first().scrollIntoViewIfNeeded()
    await page.waitForTimeout(2500)
  }
  const name = `/tmp/shots19/${path.replace(/\W+/g, '_')}-${width}-${theme}.png`
  await page.screenshot({ path: name, fullPage: !scroll })
  console.log(name)
}
await context.close()
server.httpServer.close()
