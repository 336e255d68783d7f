/**
 * The reader's own settings, in Chromium against the production build: text size, line width and
 * theme in the header's panel, by keyboard, remembered on reload and applied before the first paint
 * (the app's scripts blocked, only the page's inline script left to apply them), without layout shift.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { appReady, axeViolations, charactersPerLine, launchBrowser, serveBuild, watchErrors } from './browser.ts'

const POST = 'blog/grow-and-make-impact-with-peer-focus-mindset/'

let context: BrowserContext
let server: PreviewServer
let url: string

async function open(path: string, width = 1440): Promise<Page> {
  const page = await context.newPage()
  await page.setViewportSize({ width, height: 900 })
  await page.goto(`${url}${path}`, { waitUntil: 'networkidle' })
  await appReady(page)
  return page
}

const bodyFontSize = (page: Page) => page.locator('.post-body').evaluate((element) => getComputedStyle(element).fontSize)

beforeAll(async () => {
  ;({ server, url } = await serveBuild('dist'))
  // Service workers blocked (launchBrowser's default): a test below blocks the app's scripts, which a
  // worker's cache would serve.
  context = await launchBrowser()
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

describe('the reading settings panel', () => {
  it('is a labelled disclosure in the header, operated by keyboard alone', async () => {
    const page = await open(POST)
    const errors = watchErrors(page)
    const toggle = page.getByRole('button', { name: 'Reading settings' })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await toggle.focus()
    await page.keyboard.press('Enter')
    const panel = page.getByRole('region', { name: 'Reading settings' })
    await panel.waitFor()
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')

    // Tab enters each group at its checked choice; the arrow keys move the choice.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent)).toBe('Text size')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    expect(await panel.getByRole('radio', { name: 'Larger' }).isChecked()).toBe(true)
    await page.keyboard.press('Tab')
    await page.keyboard.press('ArrowRight')
    expect(await panel.getByRole('radio', { name: 'Wide' }).isChecked()).toBe(true)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent)).toBe('Theme')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    expect(await panel.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true)

    expect(await bodyFontSize(page)).toBe('22px')
    expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toMatchObject({ textSize: 'larger', lineWidth: 'wide', theme: 'dark' })
    // The header's own theme button follows the panel: it now offers the light theme.
    expect(await page.getByRole('button', { name: 'Switch to light theme' }).count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])

    await page.keyboard.press('Escape')
    expect(await panel.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('AaReading settings')
    expect(errors).toEqual([])
    await page.close()
  })

  it('is remembered on reload, shown in the panel, and applied before the app runs', async () => {
    const page = await open(POST)
    await page.getByRole('button', { name: 'Reading settings' }).click()
    const panel = page.getByRole('region', { name: 'Reading settings' })
    expect(await panel.getByRole('radio', { name: 'Larger' }).isChecked()).toBe(true)
    expect(await panel.getByRole('radio', { name: 'Wide' }).isChecked()).toBe(true)
    expect(await panel.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true)
    expect(await axeViolations(page)).toEqual([])

    // Without the app's scripts only index.html's inline script can have set them.
    await page.route('**/assets/*.js', (route) => route.abort())
    await page.reload({ waitUntil: 'load' })
    expect(await page.evaluate(() => document.documentElement.dataset.app)).toBeUndefined()
    expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toMatchObject({ textSize: 'larger', lineWidth: 'wide', theme: 'dark' })
    expect(await bodyFontSize(page)).toBe('22px')
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 24, 28)')
    await page.close()
  })

  it('keeps every line within 85 characters when wide, at every text size, and narrows when narrow', async () => {
    const page = await open(POST)
    await page.getByRole('button', { name: 'Reading settings' }).click()
    const panel = page.getByRole('region', { name: 'Reading settings' })
    for (const size of ['Small', 'Normal', 'Large', 'Larger']) {
      await panel.getByRole('group', { name: 'Text size' }).getByRole('radio', { name: size, exact: true }).check()
      expect(await page.evaluate(() => document.documentElement.dataset.lineWidth)).toBe('wide')
      const lines = await charactersPerLine(page)
      expect(lines.length).toBeGreaterThan(3)
      expect(Math.max(...lines)).toBeLessThanOrEqual(85)
      expect(Math.max(...lines)).toBeGreaterThanOrEqual(70)
    }
    await panel.getByRole('radio', { name: 'Narrow' }).check()
    expect(Math.max(...(await charactersPerLine(page)))).toBeLessThanOrEqual(60)
    await page.close()
  })

  it('moves nothing on a reload with settings applied (no layout shift)', async () => {
    const page = await context.newPage()
    await page.setViewportSize({ width: 390, height: 800 })
    await page.addInitScript(() => {
      localStorage.setItem('text-size', 'larger')
      localStorage.setItem('line-width', 'wide')
      const shifts: number[] = []
      ;(window as unknown as { shifts: number[] }).shifts = shifts
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) shifts.push(entry.value)
        }
      }).observe({ type: 'layout-shift', buffered: true })
    })
    await page.goto(`${url}${POST}`, { waitUntil: 'networkidle' })
    await appReady(page)
    await page.waitForTimeout(500)
    expect(await bodyFontSize(page)).toBe('22px')
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01)
    await page.close()
  })

  it('returns to the defaults, which leave nothing stored', async () => {
    const page = await open(POST, 360)
    await page.getByRole('button', { name: 'Reading settings' }).click()
    const panel = page.getByRole('region', { name: 'Reading settings' })
    await panel.getByRole('group', { name: 'Text size' }).getByRole('radio', { name: 'Normal' }).check()
    await panel.getByRole('group', { name: 'Line width' }).getByRole('radio', { name: 'Normal' }).check()
    await panel.getByRole('radio', { name: 'System' }).check()
    expect(await bodyFontSize(page)).toBe('18px')
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined()
    expect(await axeViolations(page)).toEqual([])
    expect(await page.evaluate(() => [localStorage.getItem('text-size'), localStorage.getItem('line-width'), localStorage.getItem('theme')])).toEqual([null, null, null])
    // On a phone the panel fits the screen.
    const box = (await panel.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(360)
    await page.close()
  })
})
