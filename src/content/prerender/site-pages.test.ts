import { describe, expect, it } from 'vitest'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { defaultSiteSettings } from '../../site-settings.ts'
import { redirectHtml, sitePageHtml } from './site-pages.ts'

const settings = { ...defaultSiteSettings, title: 'Field Notes', siteUrl: 'https://notes.example.org', basePath: '/field-notes/' }
const template = `<!doctype html>
<html lang="en">
  <head>
    <title>Field Notes</title>
    <meta name="description" content="x">
    <script type="module" crossorigin src="/field-notes/assets/index.js"></script>
    <link rel="modulepreload" crossorigin href="/field-notes/assets/framework.js">
    <link rel="stylesheet" crossorigin href="/field-notes/assets/index.css">
  </head>
  <body>
    <div id="root"></div>
    <noscript>This blog needs JavaScript to show its posts.</noscript>
  </body>
</html>`

describe('sitePageHtml', () => {
  const html = sitePageHtml(
    template,
    { file: 'pages/cv.md', url: '/cv/', title: 'Curriculum <vitae>', description: 'Work so far', body: fromHtml('<h2>Experience</h2><p>Field researcher</p>', { fragment: true }), problems: [] },
    settings,
  )
  const page = fromHtml(html)

  it('shows the title and the body in the app frame, with its stylesheet and no app script', () => {
    expect(toString(select('main h1', page)!)).toBe('Curriculum <vitae>')
    expect(toString(select('main .post-body', page)!)).toBe('ExperienceField researcher')
    expect(select('link[rel=stylesheet]', page)?.properties.href).toBe('/field-notes/assets/index.css')
    expect(selectAll('script[type=module], link[rel=modulepreload]', page)).toEqual([])
    expect(select('.site-title', page)?.properties.href).toBe('/field-notes/')
    // The app's header links, under the base path.
    expect(selectAll('.site-header nav a', page).map((node) => [toString(node), node.properties.href])).toEqual([
      ['Posts', '/field-notes/'],
      ['Tags', '/field-notes/blog/tags/'],
      ['Archive', '/field-notes/blog/archive/'],
    ])
    // It reads without JavaScript: no notice saying otherwise.
    expect(selectAll('noscript', page)).toEqual([])
  })

  it('heads the page with its own title, description and canonical URL', () => {
    expect(selectAll('title', page).map((node) => toString(node))).toEqual(['Curriculum <vitae> · Field Notes'])
    expect(select('meta[name=description]', page)?.properties.content).toBe('Work so far')
    expect(select('link[rel=canonical]', page)?.properties.href).toBe('https://notes.example.org/field-notes/cv/')
  })
})

describe('a site page of a site in another language', () => {
  it('has the site\'s <html lang dir> and its frame\'s texts in that language, on the dev server\'s English template too', () => {
    const arabic = fromHtml(
      sitePageHtml(template, { file: 'about.md', url: '/about/', title: 'من نحن', description: '', body: fromHtml('<p>نص</p>', { fragment: true }), problems: [] }, { ...settings, lang: 'ar' }),
    )
    expect(select('html', arabic)?.properties).toMatchObject({ lang: 'ar', dir: 'rtl' })
    expect(toString(select('.skip-link', arabic)!)).toBe('انتقل إلى المحتوى')
    expect(selectAll('.site-header nav a', arabic).map((node) => toString(node))).toEqual(['المقالات', 'الوسوم', 'الأرشيف'])
    expect(select('.site-header nav', arabic)?.properties.ariaLabel).toBe('الموقع')
  })

  it('writes redirect pages in that language', () => {
    const page = fromHtml(redirectHtml('/cv/', { ...settings, lang: 'de' }))
    expect(select('html', page)?.properties).toMatchObject({ lang: 'de', dir: 'ltr' })
    expect(toString(select('h1', page)!)).toBe('Weiterleitung…')
    expect(toString(select('a', page)!)).toBe('Hier klicken, falls die Weiterleitung nicht klappt.')
  })
})

describe('redirectHtml', () => {
  it('sends a path of the site under the base path, and an address as it is', () => {
    expect(redirectHtml('/cv/', settings)).toContain('content="0; url=/field-notes/cv/"')
    expect(redirectHtml('https://example.org/x', settings)).toContain('content="0; url=https://example.org/x"')
  })
})

describe('site pages and redirects with hostile values', () => {
  const hostile = "$' $& $` </title><script>alert(1)</script>"
  const html = sitePageHtml(
    template,
    { file: 'evil.md', url: '/evil/', title: hostile, description: `${hostile} "quoted"`, body: fromHtml('<p>Body</p>', { fragment: true }), problems: [] },
    { ...settings, title: `Notes ${hostile}`, description: hostile, author: hostile },
  )
  const page = fromHtml(html)

  it('keeps a title and description with $ patterns and markup as text, running no script', () => {
    expect(toString(select('main h1', page)!)).toBe(hostile)
    expect(toString(select('title', page)!)).toBe(`${hostile} · Notes ${hostile}`)
    expect(select('meta[name=description]', page)?.properties.content).toBe(`${hostile} "quoted"`)
    expect(toString(select('.site-title', page)!)).toBe(`Notes ${hostile}`)
    expect(selectAll('script', page)).toEqual([])
    expect(selectAll('#root', page)).toHaveLength(1)
  })

  it('sends a redirect to a path holding markup nowhere but that path', () => {
    const redirect = fromHtml(redirectHtml('/x"></script><script>alert(1)</script>', settings))
    expect(selectAll('script', redirect).map((node) => toString(node))).toEqual([
      'location.replace("/field-notes/x\\">\\u003c/script>\\u003cscript>alert(1)\\u003c/script>" + location.hash)',
    ])
    expect(select('a', redirect)?.properties.href).toBe('/field-notes/x"></script><script>alert(1)</script>')
    expect(select('meta[http-equiv=refresh]', redirect)?.properties.content).toBe('0; url=/field-notes/x"></script><script>alert(1)</script>')
  })
})
