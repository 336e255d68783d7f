/** Raw HTML, GFM extras and emoji through the whole pipeline, and what the sanitizer lets through. */
import { describe, expect, it } from 'vitest'
import { visit } from 'unist-util-visit'
import { toHtml } from 'hast-util-to-html'
import { render } from './test-pipeline.ts'

describe('raw HTML in posts', () => {
  it.each([
    ['a centered div', '<div align="center">\n  <img src="/assets/logo.png" width="120">\n</div>', '<div align="center">\n  <img src="/assets/logo.png" width="120" loading="lazy" decoding="async">\n</div>'],
    ['a line break', 'One<br>two', '<p>One<br>two</p>'],
    ['details and summary', '<details>\n<summary>More</summary>\n\nHidden **text**\n\n</details>', '<details>\n<summary>More</summary>\n<p>Hidden <strong>text</strong></p>\n</details>'],
    ['a link that opens a new tab', '<a href="https://example.com" target="_blank">x</a>', '<p><a href="https://example.com" target="_blank" rel="noopener noreferrer">x</a></p>'],
    ['a YouTube iframe', '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>', '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen loading="lazy"></iframe>'],
    ['markdown="1" in a block', '<div markdown="1">\nSome **bold** words\n</div>', '<div>\n<p>Some <strong>bold</strong> words</p>\n</div>'],
    ['markdown="1" split over a quote\'s lines', '> <div markdown\n> ="1">\n> Some **bold**\n> </div>', '<blockquote>\n<div>\n<p>Some <strong>bold</strong></p>\n</div>\n</blockquote>'],
  ])('renders %s', (_, markdown, html) => {
    expect(render(markdown).html).toBe(html)
  })

  it('drops iframes from other hosts, with a warning', () => {
    const result = render('<iframe src="https://evil.example/frame"></iframe>')
    expect(result.html).toBe('')
    expect(result.problems).toEqual(['posts/test.md:1:1: Iframe from https://evil.example/frame removed: only YouTube and Vimeo embeds are allowed'])
  })
})

describe('known XSS payloads do not survive', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '[x](javascript:alert(1))',
    '![x](javascript:alert(1))',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<svg onload=alert(1)><circle r="1"/></svg>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<div style="background:url(javascript:alert(1))" onclick="alert(1)">x</div>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '{% include elements/highlight.html text="<img src=x onerror=alert(1)>" %}',
    '{% include elements/button.html link="javascript:alert(1)" text="Click" %}',
    '{% include elements/figure.html image="javascript:alert(1)" caption="<script>alert(1)</script>" %}',
    '![x](/a.png){: onerror="alert(1)" }',
  ]

  const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'form', 'object', 'embed', 'meta', 'base', 'svg', 'math', 'link'])
  const URL_PROPERTIES = new Set(['href', 'src', 'action', 'formAction', 'poster', 'cite', 'data'])

  it.each(payloads)('%s', (payload) => {
    const { tree } = render(payload)
    const found: string[] = []
    visit(tree, 'element', (node) => {
      if (FORBIDDEN_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`)
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on/i.test(name) || name === 'style' || name === 'srcDoc') found.push(`${node.tagName}[${name}]`)
        if (URL_PROPERTIES.has(name) && /^\s*(javascript|data|vbscript):/i.test(String(value))) found.push(`${node.tagName}[${name}=${String(value)}]`)
      }
    })
    expect(found).toEqual([])
  })
})

describe('GFM and emoji', () => {
  it('renders footnotes, task lists and strikethrough', () => {
    const { html } = render('Claim.[^1]\n\n- [x] done\n- [ ] open\n\n~~old~~\n\n[^1]: Source.')
    expect(html).toContain('<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup>')
    expect(html).toContain('<li class="task-list-item"><input type="checkbox" checked disabled> done</li>')
    expect(html).toContain('<del>old</del>')
    expect(html).toContain('<li id="user-content-fn-1">')
  })

  it('renders emoji shortcodes as emoji', () => {
    expect(render('Coffee :coffee: and :man_dancing: but not :not_an_emoji:').html).toBe('<p>Coffee ☕ and 🕺 but not :not_an_emoji:</p>')
  })
})

describe('an .html post or page', () => {
  const renderHtmlFile = (html: string) => render(html, undefined, {}, 'posts/about.html')

  it('is HTML as it is, as Jekyll writes it: indentation is not a code block, `*` is not emphasis', () => {
    const result = renderHtmlFile('<div class="intro">\n    <p>Hey, I am *Hux*.</p>\n\n    <p>Second</p>\n</div>')
    expect(result.html).toBe('<div class="author-intro">\n    <p>Hey, I am *Hux*.</p>\n\n    <p>Second</p>\n</div>')
    expect(result.problems).toEqual([])
  })

  it('is as untrusted as markdown: scripts and handlers are removed', () => {
    const result = renderHtmlFile('<p onclick="alert(1)">Hi</p><script>alert(2)</script><select onchange="x()"><option>One</option></select>')
    expect(result.html).not.toMatch(/onclick|onchange|<script|alert/)
    expect(result.html).toContain('<p>Hi</p>')
  })

  it('still gives headings their ids and block quotes their passages', () => {
    const result = renderHtmlFile('<h2>Plans</h2>\n<blockquote><p>Ship it.</p></blockquote>')
    expect(result.html).toMatch(/<h2 id="plans">/)
    expect(toHtml(result.tree)).toMatch(/<blockquote[^>]*id="q-/)
  })
})
