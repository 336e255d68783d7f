import { describe, expect, it } from 'vitest'
import { visit } from 'unist-util-visit'
import { render } from '../test-pipeline.ts'

/** The math elements of a rendered post: which kind, the TeX KaTeX keeps for screen readers, its markup. */
function mathOf(markdown: string) {
  const { tree, problems } = render(markdown)
  const found: Array<{ kind: string; tex: string | undefined; markup: string }> = []
  visit(tree, 'element', (node) => {
    if (node.properties.dataElement !== 'math') return
    const markup = String(node.properties.dataMathHtml)
    const kind = (node.properties.className as string[]).includes('math-display') ? 'display' : 'inline'
    found.push({ kind, tex: /<annotation encoding="application\/x-tex">(.*?)<\/annotation>/s.exec(markup)?.[1], markup })
  })
  return { problems, found }
}

describe('math as kramdown reads it', () => {
  it.each([
    ['$$x^2$$ alone in its paragraph is display math', '$$x^2$$', 'display'],
    ['a $$ block on lines of its own is display math', '$$\nx^2\n$$', 'display'],
    ['$$x^2$$ inside a sentence is inline', 'The square $$x^2$$ grows.', 'inline'],
    ['\\(x^2\\) is inline', 'The square \\(x^2\\) grows.', 'inline'],
    ['\\(x^2\\) alone in its paragraph is still inline', '\\(x^2\\)', 'inline'],
    ['\\[x^2\\] alone in its paragraph is display math', '\\[x^2\\]', 'display'],
    ['\\[ over several lines is display math', '\\[\nx^2\n\\]', 'display'],
  ])('%s', (_, markdown, kind) => {
    const { found, problems } = mathOf(markdown)
    expect(found.map((math) => math.kind)).toEqual([kind])
    expect(found[0]!.tex).toContain('x^2')
    expect(problems).toEqual([])
  })

  it('keeps a single dollar as text: prices are not math', () => {
    expect(render('It costs $5 and $10.').html).toBe('<p>It costs $5 and $10.</p>')
  })

  it('keeps backslashes inside \\(...\\), which markdown would read as escapes', () => {
    const { found } = mathOf('Sets \\(\\{a, b\\}\\) and rows \\(a \\\\ b\\).')
    expect(found.map((math) => math.tex)).toEqual(['\\{a, b\\}', 'a \\\\ b'])
  })

  it('leaves an unclosed \\( as the escaped parenthesis it always was', () => {
    expect(render('A \\(b').html).toBe('<p>A (b</p>')
  })

  it('typesets code whose class names math through a character reference', () => {
    expect(mathOf('x <code class="language-&#109;ath">x^2</code>').found.map((math) => math.kind)).toEqual(['inline'])
  })

  it('does not read math in code', () => {
    expect(render('`$$x$$` and `\\(y\\)`').html).toBe('<p><code>$$x$$</code> and <code>\\(y\\)</code></p>')
  })
})

describe('math from a post is untrusted', () => {
  it('shows TeX that does not parse in place, in red, and warns with the place', () => {
    const { found, problems } = mathOf('Text\n\n$$\\frac{1}{$$')
    expect(found[0]!.markup).toContain('katex-error')
    expect(found[0]!.markup).toContain('\\frac{1}{')
    expect(problems).toEqual([expect.stringMatching(/^posts\/test\.md:3:1: Math cannot be typeset: .*fix the TeX/)])
  })

  it('refuses \\href and \\url: no link reaches the page', () => {
    const { html } = render('$$\\href{javascript:alert(1)}{x}$$ and $$\\url{javascript:alert(2)}$$')
    expect(html).not.toMatch(/href=|<a[ >]|&#x3C;a[ >]/i)
    // KaTeX shows a command it may not run as its own name, in red.
    expect(html).toContain('color:#cc0000&#x22;>\\href</span>')
  })

  it('stops a macro that expands forever instead of hanging the build', () => {
    const { found, problems } = mathOf('$$\\def\\a{\\a\\a}\\a$$')
    expect(found[0]!.markup).toContain('katex-error')
    expect(problems[0]).toMatch(/Too many expansions/)
  })

  it('keeps only plain sizes and colors in KaTeX styles', () => {
    const { found } = mathOf('$$\\color{red}{x} \\rule{1em}{2em}$$')
    expect(found[0]!.markup).toContain('color:red')
    expect(found[0]!.markup).not.toMatch(/url\(|expression/)
  })

  it('gives raw HTML no way to smuggle markup in as math: the markup attribute is only ever KaTeX\'s', () => {
    const { html } = render('<span data-element="math" data-math-html="<img src=x onerror=alert(1)>">x</span>')
    expect(html).toBe('<p><span data-element="math">x</span></p>')
  })

  it('typesets math written as raw HTML code with the same limits', () => {
    const { found } = mathOf('<code class="language-math">\\href{javascript:alert(1)}{x}</code>')
    expect(found[0]!.markup).not.toMatch(/href=|<a[ >]/)
  })
})
