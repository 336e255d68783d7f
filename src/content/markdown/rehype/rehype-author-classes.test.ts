import { describe, expect, it } from 'vitest'
import { render } from '../test-pipeline.ts'

describe('post classes', () => {
  it('cannot take the app\'s own: the card link that covers the page gets a prefix', () => {
    expect(render('<div class="post-card-title"><a href="https://evil.example.com/">x</a></div>').html).toBe(
      '<div class="author-post-card-title"><a href="https://evil.example.com/">x</a></div>',
    )
  })

  it('prefixes kramdown classes and raw HTML classes alike', () => {
    expect(render('Lead.\n{: .lead .skip-link}').html).toBe('<p class="author-lead author-skip-link">Lead.</p>')
  })

  it('keeps the classes the pipeline gives: footnotes, task lists, code languages and highlighting', () => {
    const { html } = render('- [x] done\n\nA[^1]\n\n[^1]: Note.\n\n```js\nconst a = 1\n```')
    expect(html).toContain('<ul class="contains-task-list">')
    expect(html).toContain('<li class="task-list-item">')
    expect(html).toContain('<section data-footnotes="" class="footnotes">')
    expect(html).toContain('<h2 class="sr-only" id="footnote-label">')
    expect(html).toContain('aria-label="Back to reference 1" class="data-footnote-backref"')
    expect(html).toContain('<code class="hljs language-js"><span class="hljs-keyword">const</span>')
  })

  it('keeps the theme elements\' classes', () => {
    expect(render('{% include elements/button.html link="https://a.example" text="Go" %}').html).toContain('class="button"')
  })
})
