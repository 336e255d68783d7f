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
  })

  it('heads the page with its own title, description and canonical URL', () => {
    expect(selectAll('title', page).map((node) => toString(node))).toEqual(['Curriculum <vitae> · Field Notes'])
    expect(select('meta[name=description]', page)?.properties.content).toBe('Work so far')
    expect(select('link[rel=canonical]', page)?.properties.href).toBe('https://notes.example.org/field-notes/cv/')
  })
})

describe('redirectHtml', () => {
  it('sends a path of the site under the base path, and an address as it is', () => {
    expect(redirectHtml('/cv/', settings)).toContain('content="0; url=/field-notes/cv/"')
    expect(redirectHtml('https://example.org/x', settings)).toContain('content="0; url=https://example.org/x"')
  })
})
