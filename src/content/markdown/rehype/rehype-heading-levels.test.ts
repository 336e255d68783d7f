import { describe, expect, it } from 'vitest'
import { render } from '../test-pipeline.ts'

describe('heading levels under the page title', () => {
  it.each([
    ['### A\n\n#### B', '<h2 id="a">A</h2>\n<h3 id="b">B</h3>'],
    ['# A\n\n## B', '<h2 id="a">A</h2>\n<h3 id="b">B</h3>'],
    ['## A\n\n### B', '<h2 id="a">A</h2>\n<h3 id="b">B</h3>'],
  ])('%j', (markdown, html) => {
    expect(render(markdown).html).toBe(html)
  })

  it('leaves the footnotes heading alone', () => {
    expect(render('### A[^1]\n\n[^1]: Note.').html).toMatch(/^<h2 id="a1">A<sup>.*<h2 class="sr-only" id="footnote-label">/s)
  })
})
