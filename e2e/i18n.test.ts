/**
 * The interface in the blog's language: an Arabic site (e2e/fixtures/arabic-site, `lang: ar` in its
 * `_config.yml`, built with SITE_DIR under a sub-path) is Arabic and laid out right to left, its English
 * post marked `lang="en"`; a Japanese posts folder (`lang: ja` in the `_config.yml` beside it, POSTS_DIR)
 * has Japanese dates and counts; the default English build is as before.
 */
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { PreviewServer } from 'vite'
import { appReady, axeViolations, buildSite, launchBrowser, serveBuild, watchErrors } from './browser.ts'

let context: BrowserContext
const servers: PreviewServer[] = []

async function open(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.locator('main h1').first().waitFor()
}

const html = async (url: string) => (await fetch(url)).text()
const htmlTag = (text: string) => /<html[^>]*>/.exec(text)?.[0]

beforeAll(async () => {
  context = await launchBrowser()
})

afterAll(async () => {
  await context?.close()
  await Promise.all(servers.map((server) => server.close()))
})

describe('an Arabic site (lang: ar), under a sub-path', () => {
  let url: string
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    await buildSite(undefined, join('dist-i18n-ar', '/mudawwana/'), { SITE_DIR: resolve('e2e/fixtures/arabic-site') })
    const served = await serveBuild('dist-i18n-ar', '/mudawwana/')
    servers.push(served.server)
    url = served.url
    page = await context.newPage()
    errors = watchErrors(page)
  })

  afterAll(() => expect(errors).toEqual([]))

  it('writes <html lang="ar" dir="rtl"> on every kind of page, the app\'s and the redirect and quote pages', async () => {
    const paths = ['', 'blog/tags/', 'blog/archive/', 'blog/archive/2024/', 'blog/series/%D8%AF%D8%B1%D9%88%D8%B3-%D8%A7%D9%84%D8%A5%D8%AF%D8%A7%D8%B1%D8%A9/', '2024/03/10/al-istima.html', 'blog/al-istima/', '404.html']
    for (const path of paths) expect([path, htmlTag(await html(`${url}${path}`))]).toEqual([path, '<html lang="ar" dir="rtl">'])
    const redirect = await html(`${url}blog/al-istima/`)
    expect(redirect).toContain('<title>جارٍ التحويل…</title>')
    expect(redirect).toContain('اضغط هنا إن لم يتم تحويلك.')
  })

  it('marks the feeds Arabic and the English post\'s entry English, and words the offline page in Arabic', async () => {
    const atom = await html(`${url}feed.xml`)
    expect(atom).toContain('xml:lang="ar"')
    expect(atom).toContain('<entry xml:lang="en">')
    expect(JSON.parse(await html(`${url}feed.json`)).language).toBe('ar')
    const worker = await html(`${url}sw.js`)
    expect(worker).toContain('"htmlAttributes":"lang=\\"ar\\" dir=\\"rtl\\""')
    expect(worker).toContain('"heading":"أنت غير متصل"')
  })

  it('shows the list in Arabic, right to left: the title at the right of the header, the first card rightmost', async () => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await open(page, url)
    await appReady(page)
    expect(await page.locator('main h1').textContent()).toBe('كل المقالات')
    expect(await page.locator('.result-count').textContent()).toBe('3 مقالات')
    expect(await page.locator('label[for=post-search]').textContent()).toBe('ابحث في المقالات')
    expect(await page.locator('.post-card').first().locator('time').textContent()).toBe('10 مارس 2024')
    expect(await page.locator('.post-card').first().locator('.post-facts').textContent()).toBe('10 مارس 2024 · دقيقة قراءة')
    const box = async (selector: string, index = 0) => (await page.locator(selector).nth(index).boundingBox())!
    const title = await box('.site-title')
    const nav = await box('.site-header nav')
    expect(title.x).toBeGreaterThan(nav.x + nav.width)
    const [first, second] = [await box('.post-list > li'), await box('.post-list > li', 1)]
    expect(first.x).toBeGreaterThanOrEqual(second.x + second.width)
    // The English post's card reads left to right, the Arabic ones right to left.
    const direction = (title: string) => page.locator('.post-card', { hasText: title }).locator('.post-card-title').evaluate((element) => getComputedStyle(element).direction)
    expect([await direction('Listening first'), await direction('الاستماع قبل الكلام')]).toEqual(['ltr', 'rtl'])
    expect(await axeViolations(page)).toEqual([])
  })

  it('counts with Arabic plurals: tag toggles, a search that finds nothing', async () => {
    expect(await page.locator('.tag-toggle', { hasText: 'قيادة' }).getAttribute('aria-label')).toBe('قيادة، مقالتان')
    expect(await page.locator('.tag-toggle', { hasText: 'نمو' }).getAttribute('aria-label')).toBe('نمو، مقالة واحدة')
    await page.fill('#post-search', 'zzzz')
    await page.locator('.empty-state').waitFor()
    expect(await page.locator('.empty-state p').textContent()).toBe('لا توجد مقالات تطابق «zzzz».')
    expect(await page.locator('.result-count').textContent()).toBe('لا مقالات')
  })

  it('mirrors the post page: the block quote\'s border on the right, code left to right, the series line in Arabic', async () => {
    await open(page, `${url}2024/03/10/al-istima.html`)
    await appReady(page)
    expect(await page.locator('article.post').getAttribute('lang')).toBeNull()
    const quote = await page.locator('.post-body blockquote').first().evaluate((element) => {
      const style = getComputedStyle(element)
      return { right: style.borderRightWidth, left: style.borderLeftWidth }
    })
    expect(quote).toEqual({ right: '4px', left: '0px' })
    expect(await page.locator('.post-body pre').evaluate((element) => getComputedStyle(element).direction)).toBe('ltr')
    expect(await page.locator('.series-nav-heading').textContent()).toBe('الجزء 2 من 2 في سلسلة دروس الإدارة')
    expect(await page.locator('.post-toc-heading').textContent()).toBe('في هذه الصفحة')
    expect(await page.locator('.share-button').textContent()).toBe('انسخ الرابط')
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme })
      expect([theme, await axeViolations(page)]).toEqual([theme, []])
    }
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('keeps an English post (lang: en) English on its article, the interface Arabic around it', async () => {
    await open(page, `${url}2023/11/05/listening-first.html`)
    await appReady(page)
    expect(await page.locator('article.post').getAttribute('lang')).toBe('en')
    expect(await page.locator('article.post').getAttribute('dir')).toBe('ltr')
    expect(await page.locator('html').getAttribute('lang')).toBe('ar')
    expect(await page.locator('article.post h1').textContent()).toBe('Listening first')
    expect(await page.locator('.post-header time').textContent()).toBe('5 نوفمبر 2023')
    // The interface's parts inside the English article stay Arabic, right to left.
    for (const part of ['.post-header .post-facts', '.post-footer']) {
      expect([part, await page.locator(part).evaluate((element) => [element.closest('[lang]')!.getAttribute('lang'), getComputedStyle(element).direction])]).toEqual([part, ['ar', 'rtl']])
    }
    const article = (await page.locator('article.post h1').boundingBox())!
    const siteTitle = (await page.locator('.site-title').boundingBox())!
    // The post reads left to right inside a right-to-left page: its title starts at the left.
    expect(article.x).toBeLessThan(siteTitle.x)
  })

  it('names years and months in Arabic in the archive', async () => {
    await open(page, `${url}blog/archive/`)
    expect(await page.locator('.archive-summary').textContent()).toBe('3 مقالات في سنتين')
    expect(await page.locator('.archive-year').first().locator('.archive-months').textContent()).toBe('مارس 1يناير 1')
  })
})

describe('a Japanese posts folder (lang: ja beside it, POSTS_DIR)', () => {
  let url: string
  let page: Page

  beforeAll(async () => {
    await buildSite(resolve('e2e/fixtures/japanese-blog/_posts'), 'dist-i18n-ja')
    const served = await serveBuild('dist-i18n-ja')
    servers.push(served.server)
    url = served.url
    page = await context.newPage()
  })

  it('writes dates, counts and reading time in Japanese', async () => {
    expect(htmlTag(await html(url))).toBe('<html lang="ja" dir="ltr">')
    await open(page, url)
    expect(await page.locator('main h1').textContent()).toBe('すべての記事')
    expect(await page.locator('.result-count').textContent()).toBe('2件の記事')
    expect(await page.locator('.post-card').first().locator('.post-facts').textContent()).toBe('2024年4月2日 · 1分で読めます')
    expect(await page.locator('.site-header nav a').allTextContents()).toEqual(['記事', 'タグ', 'アーカイブ'])
    expect(await page.locator('.reader-settings-toggle-text').textContent()).toBe('表示設定')
  })
})

describe('the default site (no lang)', () => {
  it('stays English, left to right', async () => {
    const served = await serveBuild()
    servers.push(served.server)
    const list = await html(served.url)
    expect(htmlTag(list)).toBe('<html lang="en" dir="ltr">')
    const page = await context.newPage()
    await open(page, served.url)
    expect(await page.locator('main h1').textContent()).toBe('All posts')
    expect(await page.locator('.result-count').textContent()).toMatch(/^\d+ posts(, showing 1–20)?$/)
    expect(await page.locator('.post-card').first().locator('.post-facts').textContent()).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4} · \d+ min read$/)
  })
})
