import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { render } from '../test-pipeline.ts'
import { APP_ELEMENT_IDS } from '../../../shared/app-element-ids.ts'
import { PRERENDER_DATA_ID } from '../../../shared/data-paths.ts'

describe('post ids the app relies on', () => {
  it('renames a raw HTML id that is the page data element, with a warning, and keeps the text', () => {
    const { html, problems } = render('<p id="prerendered-data">{"path":"/","state":{}}</p>')
    expect(html).toBe('<p id="prerendered-data-post">{"path":"/","state":{}}</p>')
    expect(problems).toEqual(['posts/test.md:1:1: The id "prerendered-data" belongs to the app\'s own page; it was renamed "prerendered-data-post". Give the element another id'])
  })

  it('renames a kramdown heading id and a heading slug, and the post\'s own links to them follow', () => {
    const { html } = render('## H {#prerendered-data}\n\n## Main\n\n[to h](#prerendered-data) [to main](#main)')
    expect(html).toBe(
      '<h2 id="prerendered-data-post">H</h2>\n<h2 id="main-post">Main</h2>\n<p><a href="#prerendered-data-post">to h</a> <a href="#main-post">to main</a></p>',
    )
  })

  it('does not rename onto an id the post already has', () => {
    expect(render('<p id="root">a</p><p id="root-post">b</p>').html).toBe('<p id="root-post-2">a</p><p id="root-post">b</p>')
  })

  it('keeps every other id as written, so old #anchors keep working', () => {
    expect(render('<p id="why-peers">a</p>\n\n## Setup {#getting-started}').html).toBe('<p id="why-peers">a</p>\n<h2 id="getting-started">Setup</h2>')
  })
})

/** Every `id="..."` the app writes itself, in its components and its HTML page. */
function idsInAppSource(): string[] {
  const files = [
    'index.html',
    ...readdirSync('src', { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.') && !file.startsWith('content'))
      .map((file) => join('src', file)),
  ]
  // The app names its data element by a constant (`id="${PRERENDER_DATA_ID}"` in a template string).
  const constants: Record<string, string> = { '${PRERENDER_DATA_ID}': PRERENDER_DATA_ID }
  return files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bid="([^"]+)"/g)].map((match) => constants[match[1]!] ?? match[1]!))
}

describe('APP_ELEMENT_IDS', () => {
  it('holds every id the app gives its own elements', () => {
    const ids = idsInAppSource()
    expect(ids).toContain('post-search')
    expect(ids.filter((id) => !APP_ELEMENT_IDS.has(id))).toEqual([])
  })
})
