/**
 * Reading on real screens, in Chromium against the production build of the sample posts: the title
 * before the table of contents on a phone, passage controls that move and cover no text (with a mouse
 * and on a touch screen), focus back on the card a reader opened, and a focus ring that shows against
 * every card color in both themes.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { appReady, charactersPerLine, launchBrowser, serveBuild } from './browser.ts'

const FEEDBACK = 'blog/feedback-that-actually-lands/'
const BOUNDARIES = 'blog/drawing-team-boundaries-on-purpose/'
const CARD_COLORS = ['primary', 'secondary', 'success', 'danger', 'warning', 'info', 'light', 'dark', 'default']

let context: BrowserContext
let server: PreviewServer
let url: string

async function open(path: string, width = 1280): Promise<Page> {
  const page = await context.newPage()
  await page.setViewportSize({ width, height: 800 })
  await page.goto(`${url}${path}`, { waitUntil: 'networkidle' })
  await appReady(page)
  return page
}

interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** The boxes of every line of text inside `root` (not counting `skip`), as laid out now. */
function textBoxes(root: Locator, skip = ''): Promise<Box[]> {
  return root.evaluate((element, skipSelector) => {
    const boxes: Box[] = []
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || (skipSelector && node.parentElement?.closest(skipSelector))) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      for (const rect of Array.from(range.getClientRects())) boxes.push({ x: rect.x, y: rect.y, width: rect.width, height: rect.height })
    }
    return boxes
  }, skip)
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** A touch screen, as a phone's (`@media (hover: none)` and `(pointer: coarse)` match). */
async function touchScreen(page: Page) {
  const session = await context.newCDPSession(page)
  await session.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 })
  await session.send('Emulation.setEmitTouchEventsForMouse', { enabled: true, configuration: 'mobile' })
}

beforeAll(async () => {
  ;({ server, url } = await serveBuild('dist'))
  context = await launchBrowser()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin })
})

afterAll(async () => {
  await context?.close()
  await server?.close()
})

describe('the table of contents', () => {
  it.each([320, 390])('comes after the title on a %i px phone, closed to one line', async (width) => {
    const page = await open(BOUNDARIES, width)
    const title = (await page.locator('h1').boundingBox())!
    const toc = page.getByRole('navigation', { name: 'On this page' })
    const tocBox = (await toc.boundingBox())!
    expect(tocBox.y).toBeGreaterThanOrEqual(title.y + title.height)
    expect(tocBox.y).toBeLessThan((await page.locator('.post-body').boundingBox())!.y)
    expect(tocBox.height).toBeLessThan(60)
    expect(await toc.getByRole('link').first().isVisible()).toBe(false)
    await toc.getByText('On this page').click()
    expect(await toc.getByRole('link').first().isVisible()).toBe(true)
    await page.close()
  })

  it('marks the section being read beside the text on a wide screen', async () => {
    const page = await open(BOUNDARIES, 1440)
    const toc = page.getByRole('navigation', { name: 'On this page' })
    expect(await toc.getByRole('link').first().isVisible()).toBe(true)
    expect(await toc.locator('a[aria-current]').count()).toBe(0)
    await page.locator('#signs-your-boundaries-need-attention').evaluate((heading) => heading.scrollIntoView({ block: 'start' }))
    await expect.poll(() => toc.locator('a[aria-current="location"]').textContent()).toBe('Signs your boundaries need attention')
    await page.close()
  })
})

describe('the text', () => {
  it('holds 60-75 characters a line on a wide screen, in one sans-serif family with its headings', async () => {
    const page = await open('blog/grow-and-make-impact-with-peer-focus-mindset/', 1440)
    const lines = await charactersPerLine(page)
    expect(lines.length).toBeGreaterThan(5)
    const sorted = [...lines].sort((a, b) => a - b)
    const median = sorted[Math.floor(sorted.length / 2)]!
    expect(median).toBeGreaterThanOrEqual(60)
    expect(median).toBeLessThanOrEqual(75)
    const families = await page.evaluate(() => [getComputedStyle(document.querySelector('.post-body p')!).fontFamily, getComputedStyle(document.querySelector('.post-body h2')!).fontFamily])
    expect(families[0]).toBe(families[1])
    expect(families[0]).toMatch(/sans-serif$/)
    await page.close()
  })
})

describe('passage controls', () => {
  it.each([1280, 700])('hovering a highlight at %i px moves no text, and shows its link control', async (width) => {
    const page = await open(FEEDBACK, width)
    const mark = page.locator('mark.highlight').first()
    const paragraph = page.locator('.post-body p', { has: mark })
    await mark.scrollIntoViewIfNeeded()
    await page.mouse.move(0, 0)
    const before = await textBoxes(paragraph)
    await mark.hover()
    await page.waitForTimeout(400)
    expect(await textBoxes(paragraph)).toEqual(before)
    const control = page.getByRole('link', { name: 'Copy a link to this highlight' }).first()
    await expect.poll(() => control.evaluate((link) => getComputedStyle(link).opacity)).toBe('1')
    // Nor does the control sit on any word of the paragraph.
    const box = (await control.boundingBox())!
    expect(before.filter((line) => overlaps(line, box))).toEqual([])
    await page.close()
  })

  it('puts a quote’s control and its confirmation over none of the quote’s words', async () => {
    const page = await open(FEEDBACK)
    const quote = page.locator('blockquote.quote').first()
    const words = await textBoxes(quote, '.quote-actions')
    await quote.hover()
    const control = quote.getByRole('link', { name: 'Copy a link to this quote' })
    await control.click()
    await expect.poll(() => quote.getByRole('status').textContent()).toBe('Link copied')
    for (const covering of [control, quote.getByRole('status')]) {
      const box = (await covering.boundingBox())!
      expect(words.filter((line) => overlaps(line, box))).toEqual([])
    }
    expect(await textBoxes(quote, '.quote-actions')).toEqual(words)
    await page.close()
  })

  it('shows every passage control on a touch screen, at least 24 × 24 px, over no text', async () => {
    const page = await context.newPage()
    await touchScreen(page)
    await page.setViewportSize({ width: 390, height: 800 })
    await page.goto(`${url}${FEEDBACK}`, { waitUntil: 'networkidle' })
    await appReady(page)
    const controls = page.locator('.passage-link')
    expect(await controls.count()).toBeGreaterThan(2)
    const words = await textBoxes(page.locator('.post-body'))
    for (const control of await controls.all()) {
      expect(await control.evaluate((link) => getComputedStyle(link).opacity)).toBe('1')
      const box = (await control.boundingBox())!
      expect(box.width).toBeGreaterThanOrEqual(24)
      expect(box.height).toBeGreaterThanOrEqual(24)
      // Its own room: no line of text crosses its middle.
      const middle = { x: box.x + box.width / 2 - 1, y: box.y + box.height / 2 - 1, width: 2, height: 2 }
      expect(words.filter((line) => overlaps(line, middle))).toEqual([])
    }
    await page.close()
  })
})

describe('around the text', () => {
  it('copies a code block with its Copy button, which sits above the code', async () => {
    const page = await open('blog/one-on-ones-that-are-not-status-updates/')
    const block = page.locator('.code-block').first()
    const button = block.getByRole('button', { name: 'Copy code' })
    const buttonBox = (await button.boundingBox())!
    const codeBox = (await block.locator('pre').boundingBox())!
    expect(buttonBox.y + buttonBox.height).toBeLessThanOrEqual(codeBox.y)
    // Its name says what it copies (`Copy code`, an aria-label: a word order of the language's own).
    expect(await block.locator('.code-block-bar').innerText()).toMatch(/^yaml\s+Copy$/)
    await button.click()
    // The status is written once the clipboard has taken the text, which is asynchronous.
    await expect.poll(() => block.getByRole('status').textContent()).toBe('Code copied to the clipboard')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied.split('\n')[0]).toBe('# 1:1 template, one entry per meeting, newest on top')
    expect(copied).toBe(await block.locator('pre').textContent())
    await page.close()
  })

  it('says when a quote link names a quote the post no longer has', async () => {
    const page = await open('blog/grow-and-make-impact-with-peer-focus-mindset/quote/nope/')
    expect(await page.locator('h1').textContent()).toBe('Grow and make impact with peer focus mindset')
    expect(await page.getByRole('status').filter({ hasText: 'no longer' }).textContent()).toContain('The quote this link pointed to is no longer in the post.')
    await page.close()
  })

  it('prints highlights by type, not by a background, and dark-theme pages in dark ink on white', async () => {
    const page = await open(FEEDBACK)
    await page.emulateMedia({ colorScheme: 'dark', media: 'print' })
    const mark = await page.locator('mark.highlight').first().evaluate((element) => {
      const style = getComputedStyle(element)
      return { background: style.backgroundColor, line: style.textDecorationLine, weight: style.fontWeight, color: style.color }
    })
    expect(mark).toEqual({ background: 'rgba(0, 0, 0, 0)', line: 'underline', weight: '700', color: 'rgb(0, 0, 0)' })
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)')
    for (const hidden of ['.site-header', '.post-toc', '.post-footer', '.passage-link']) {
      expect(await page.locator(hidden).first().isVisible()).toBe(false)
    }
    await page.close()
  })

  it('shares a highlight with the sentence it stands in as its preview', () => {
    const seed = 'dist/blog/grow-and-make-impact-with-peer-focus-mindset/quote'
    const descriptions = readdirSync(seed).map((id) => /<meta property="og:description" content="([^"]*)"/.exec(readFileSync(`${seed}/${id}/index.html`, 'utf8'))?.[1])
    // The highlight is "Invite them to"; the post reads "Invite them to" + "present to your team ..." as written.
    expect(descriptions).toContain('“Invite them topresent to your team or co-facilitate an offsite team meetings, which can help improve cross-team collaboration even when you are not present”')
    expect(descriptions).not.toContain('“Invite them to”')
  })

  it('has a footer with the feeds, every tag and the author', async () => {
    const page = await open('')
    const footer = page.getByRole('contentinfo')
    expect(await footer.getByRole('link', { name: 'Atom feed' }).getAttribute('href')).toBe('/feed.xml')
    expect(await footer.getByRole('link', { name: 'JSON feed' }).getAttribute('href')).toBe('/feed.json')
    expect(await footer.getByRole('link', { name: 'All tags' }).getAttribute('href')).toBe('/blog/tags/')
    expect(await footer.innerText()).toContain('Written by Peer Notes authors.')
    await page.close()
  })
})

describe('focus', () => {
  it('returns to the card that was opened after Back', async () => {
    const page = await open('')
    const card = page.locator('.post-card-title a', { hasText: 'Feedback that actually lands' })
    await page.keyboard.press('Tab')
    await card.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/feedback-that-actually-lands/)
    await page.locator('.post-body').waitFor()
    await page.goBack()
    await page.locator('.post-list').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Feedback that actually lands')
    expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true)
    await page.close()
  })

  it.each(['light', 'dark'] as const)('shows a ring with at least 3:1 contrast on every card color (%s theme)', async (scheme) => {
    const page = await open('')
    await page.emulateMedia({ colorScheme: scheme })
    const card = page.locator('.post-card').first()
    const found: string[] = []
    for (const style of ['fill', 'border']) {
      for (const color of CARD_COLORS) {
        await card.evaluate((element, look) => Object.assign((element as HTMLElement).dataset, look), { style, color })
        // Keyboard focus: the ring a keyboard reader sees (`:focus-visible`).
        await page.keyboard.press('Shift')
        for (const [what, target] of [
          ['tag chip', card.locator('.tag-chip').first()],
          ['card title', card.locator('.post-card-title a')],
        ] as const) {
          await target.focus()
          const ring = await target.evaluate((element) => {
            // Colors as painted (computed values may be `oklab(...)`, `color(srgb ...)`).
            const paint = (css: string) => {
              const canvas = document.createElement('canvas')
              canvas.width = canvas.height = 1
              const context = canvas.getContext('2d')!
              context.fillStyle = css
              context.fillRect(0, 0, 1, 1)
              return [...context.getImageData(0, 0, 1, 1).data].slice(0, 3)
            }
            const cardElement = element.closest<HTMLElement>('.post-card')!
            // The chip's ring lies on the card; the title's is drawn around the card, on the page.
            const ringOwner = element.matches('.tag-chip') ? element : cardElement
            const style = getComputedStyle(ringOwner)
            const behind = element.matches('.tag-chip') ? getComputedStyle(cardElement).backgroundColor : getComputedStyle(document.body).backgroundColor
            return { visible: element.matches(':focus-visible'), width: parseFloat(style.outlineWidth), outlineStyle: style.outlineStyle, ring: paint(style.outlineColor), behind: paint(behind) }
          })
          const ratio = contrast(ring.ring, ring.behind)
          if (!ring.visible || ring.outlineStyle === 'none' || ring.width < 2 || ratio < 3) {
            found.push(`${style} ${color} ${what}: ring ${ring.ring} on ${ring.behind}, ${ratio.toFixed(2)}:1, ${ring.width}px ${ring.outlineStyle}${ring.visible ? '' : ', not :focus-visible'}`)
          }
        }
      }
    }
    expect(found).toEqual([])
    await page.close()
  })
})

/** WCAG contrast ratio of two sRGB colors. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r, g, bl] = rgb.map((value) => {
      const channel = value / 255
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}
