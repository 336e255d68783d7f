import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import type { JekyllSite } from '../site/jekyll-site.ts'
import { defaultSiteSettings } from '../../site-settings.ts'
import { redirectHtml, sitePageHtml } from './site-pages.ts'
import { copyStaticFiles } from './static-files.ts'

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
    { url: '/cv/', title: 'Curriculum <vitae>', description: 'Work so far', body: fromHtml('<h2>Experience</h2><p>Field researcher</p>', { fragment: true }), problems: [] },
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

describe('copyStaticFiles', () => {
  it('copies each static file to its own path, and never over a file the build wrote', () => {
    const siteDir = mkdtempSync(join(tmpdir(), 'site-'))
    const outDir = mkdtempSync(join(tmpdir(), 'dist-'))
    mkdirSync(join(siteDir, 'assets'))
    writeFileSync(join(siteDir, 'assets/guide.pdf'), 'PDF')
    writeFileSync(join(siteDir, 'index.html'), 'the old home page')
    writeFileSync(join(outDir, 'index.html'), 'the app')
    const site = { siteDir, staticFiles: ['assets/guide.pdf', 'index.html'] } as JekyllSite
    const warnings: string[] = []
    expect(copyStaticFiles(site, outDir, (warning) => warnings.push(warning))).toBe(1)
    expect(readFileSync(join(outDir, 'assets/guide.pdf'), 'utf8')).toBe('PDF')
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('the app')
    expect(warnings).toEqual(['index.html of the site folder is not copied: the build has written index.html itself. Rename or move the file'])
  })
})
