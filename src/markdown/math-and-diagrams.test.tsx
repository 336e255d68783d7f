/** Math and diagrams as a reader gets them from the renderer: the HTML before any script runs. */
import { describe, expect, it } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import { render } from '../content/markdown/test-pipeline.ts'
import { PostBody } from './post-body.tsx'

const html = (markdown: string) => renderToStaticMarkup(<PostBody tree={render(markdown).tree} />)

describe('math', () => {
  it('renders KaTeX markup inline and as a block, and links KaTeX’s stylesheet', () => {
    const page = html('The law \\(L = \\lambda W\\) holds:\n\n$$W = \\frac{L}{\\lambda}$$')
    // One stylesheet link, KaTeX's (the test runner gives asset imports no URL).
    expect(page.match(/<link rel="stylesheet"/g)).toHaveLength(1)
    expect(page).toContain('<span class="math math-inline" data-element="math"><span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML">')
    expect(page).toContain('<div class="math math-display" data-element="math" tabindex="0"><span class="katex-display">')
    expect(page).toContain('<annotation encoding="application/x-tex">W = \\frac{L}{\\lambda}</annotation>')
    expect(page).not.toContain('data-math-html')
  })

  it('links no math stylesheet on a post without math', () => {
    expect(html('It costs $5.')).toBe('<p>It costs $5.</p>')
  })
})

describe('mermaid diagrams', () => {
  it('shows the diagram’s code until it is drawn, inside the figure that will hold it', () => {
    const page = html('```mermaid\nflowchart TD\n  a --> b\n```')
    expect(page).toContain('<figure class="mermaid-diagram" data-ui-wrap="" data-state="code"><pre><code class="language-mermaid">flowchart TD\n  a --&gt; b\n</code></pre></figure>')
  })

  it('leaves other code blocks as code blocks, with their Copy button', () => {
    expect(html('```text\nplain\n```')).toContain('code-copy')
    expect(html('```text\nplain\n```')).toContain('<pre tabindex="0"><code class="language-text">plain\n</code></pre>')
    expect(html('```text\nplain\n```')).not.toContain('mermaid')
  })
})
