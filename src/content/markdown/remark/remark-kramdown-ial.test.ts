import { describe, expect, it } from 'vitest'
import { render } from '../test-pipeline.ts'
import { parseAttributeList } from './remark-kramdown-ial.ts'

describe('parseAttributeList', () => {
  it.each([
    ['{: width="400" }', { width: '400' }],
    ['{:.wide}', { className: ['wide'] }],
    ['{:#intro}', { id: 'intro' }],
    ["{: .a .b #c title='T' height=300 }", { className: ['a', 'b'], id: 'c', title: 'T', height: '300' }],
    ['{: class="x y" align=center}', { className: ['x', 'y'], align: 'center' }],
  ])('%s', (markup, properties) => {
    expect(parseAttributeList(markup).properties).toEqual(properties)
  })

  it('drops attributes outside the allow-list', () => {
    expect(parseAttributeList('{: onclick="alert(1)" style="x" width="5"}')).toEqual({
      toc: false,
      properties: { width: '5' },
      dropped: ['onclick', 'style'],
    })
  })
})

describe('remark-kramdown-ial', () => {
  it.each([
    [
      'after an image, as the seed post writes it',
      '![](/assets/images/peer-focus.png){: width="400" }',
      '<p><img src="/assets/images/peer-focus.png" alt="" width="400" loading="lazy" decoding="async"></p>',
    ],
    // Every author class reaches the page prefixed (see rehype/rehype-author-classes.ts).
    ['after a link', '[Docs](https://example.com){:.external}', '<p><a href="https://example.com" class="author-external">Docs</a></p>'],
    ['on the line after a paragraph', 'A lead paragraph.\n{: .lead}', '<p class="author-lead">A lead paragraph.</p>'],
    ['on the line after a heading', '## Setup\n{: #getting-started}', '<h2 id="getting-started">Setup</h2>'],
    ['on the line after a quote', '> Said well.\n{: .pull}', '<blockquote class="author-pull">\n<p>Said well.</p>\n</blockquote>'],
    ['on the line after a list', '- one\n- two\n{: .checklist}', '<ul class="author-checklist">\n<li>one</li>\n<li>two</li>\n</ul>'],
    ['after a fenced code block', '```\ncode\n```\n{: .wide}', '<pre><code class="author-wide">code\n</code></pre>'],
    ['as an extension tag', 'Kept{::comment}hidden{:/comment} text', '<p>Kept text</p>'],
  ])('%s', (_, markdown, html) => {
    expect(render(markdown).html).toBe(html)
  })

  it('never shows an attribute list, and warns about unsafe attributes', () => {
    const result = render('![x](a.png){: onerror="alert(1)" }')
    expect(result.html).toBe('<p><img src="/a.png" alt="x" loading="lazy" decoding="async"></p>')
    expect(result.problems).toEqual([
      'posts/test.md:1:12: Attribute onerror in `{: onerror="alert(1)" }` not applied: only id, class, width, height, alt, title, align, target are',
    ])
  })
})

describe('kramdown table of contents', () => {
  it('turns `* TOC` + `{:toc}` into a nested list of the headings, without `.no_toc` ones', () => {
    const markdown = '## Contents\n{:.no_toc}\n\n* TOC\n{:toc}\n\n## Why [peers](https://example.com)\n\n### First step\n\n## How'
    expect(render(markdown).html).toBe(
      '<h2 class="no_toc" id="contents">Contents</h2>\n' +
        '<nav class="toc" aria-label="Contents"><ul><li><a href="#why-peers">Why peers</a><ul><li><a href="#first-step">First step</a></li></ul></li><li><a href="#how">How</a></li></ul></nav>\n' +
        '<h2 id="why-peers">Why <a href="https://example.com">peers</a></h2>\n<h3 id="first-step">First step</h3>\n<h2 id="how">How</h2>',
    )
  })
})

describe('kramdown IAL after a table', () => {
  it('applies to the table and adds no row', () => {
    expect(render('| a | b |\n| - | - |\n| 1 | 2 |\n{: .habits}').html).toBe(
      '<table class="author-habits">\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>',
    )
  })
})

describe('kramdown header ids and lazy lines', () => {
  it('reads `{#id}` at the end of a heading', () => {
    expect(render('## Setup {#getting-started}').html).toBe('<h2 id="getting-started">Setup</h2>')
  })

  it('reads `{#id}` written with a character reference, which the heading text decodes', () => {
    expect(render('## Setup &#123;#getting-started}').html).toBe('<h2 id="getting-started">Setup</h2>')
  })

  it('puts an IAL inside a quote on the paragraph, a lazy one on the quote', () => {
    expect(render('> para\n> {: .x}').html).toBe('<blockquote>\n<p class="author-x">para</p>\n</blockquote>')
    expect(render('> para\n{: .x}').html).toBe('<blockquote class="author-x">\n<p>para</p>\n</blockquote>')
  })

  it('applies `target` on links', () => {
    expect(render('[Docs](https://example.com){:target="_blank"}').html).toBe('<p><a href="https://example.com" target="_blank" rel="noopener noreferrer">Docs</a></p>')
  })
})
