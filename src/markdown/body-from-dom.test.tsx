/**
 * A body read back from the page it was rendered into renders the same page: the app hydrates and moves
 * between posts from the article's HTML alone (src/shared/api/post-page-data.ts), so any difference here
 * is a hydration mismatch or a changed post for a reader. Real posts, and one of each component.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import { MemoryRouter } from 'react-router'
import { parseHTML } from 'linkedom'
import type { Root } from 'hast'
import { render } from '../content/markdown/test-pipeline.ts'
import { PostBody } from './post-body.tsx'
import { PostContext } from './post-context.ts'
import { bodyFromDom } from './body-from-dom.ts'

const page = (tree: Root) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <PostContext.Provider value={{ slug: 'a-post', title: 'A post' }}>
        <div className="post-body">
          <PostBody tree={tree} />
        </div>
      </PostContext.Provider>
    </MemoryRouter>,
  )

/** The page's body, parsed as a browser parses it, read back, and rendered again. */
function roundTrip(markdown: string) {
  const first = page(render(markdown).tree)
  const { document } = parseHTML(`<!doctype html><html><body>${first}</body></html>`)
  // As a browser's parser does (linkedom's does not): a newline right after `<pre>` is not text.
  for (const pre of document.querySelectorAll('pre')) if (pre.firstChild?.nodeType === 3) pre.firstChild.nodeValue = pre.firstChild.nodeValue!.replace(/^\n/, '')
  const tree = bodyFromDom(document.querySelector('.post-body')!)
  // linkedom serializes what a browser would write otherwise, the same DOM: KaTeX's no-break spaces as
  // `&#160;`, an SVG shape without children as `<path ... />`.
  const second = page(tree).replaceAll('&#160;', '\u00a0').replace(/<(path|line|rect)([^>]*?) \/>/g, '<$1$2></$1>')
  return { first, second, tree }
}

const postFolders = ['posts', '../shared/corpus/portfolyou']
const posts = postFolders.flatMap((folder) => {
  try {
    return readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => join(folder, name))
  } catch {
    return []
  }
})

describe('a body read back from its page', () => {
  it.each(posts)('renders %s as before', (file) => {
    const markdown = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')
    const { first, second } = roundTrip(markdown)
    expect(second).toBe(first)
  })

  it.each([
    ['a highlight with its link', 'Do {% include elements/highlight.html text="set up check-ins" %} weekly.'],
    ['a quote with its link', '> You own the outcome of your team'],
    ['a heading with its anchor', '## Why peers matter\n\nText.'],
    ['a code block with its Copy bar', '```js\nconst a = 1 < 2\n```'],
    ['a diagram', '```mermaid\nflowchart TD\n  a --> b\n```'],
    ['math, inline and display', 'The law \\(L = \\lambda W\\) holds:\n\n$$W = \\frac{L}{\\lambda}$$'],
    ['a square root, which KaTeX draws as SVG', '$$\\sqrt{\\frac{a}{b}} + \\overrightarrow{AB}$$'],
    ['a video', '{% include elements/video.html id="dQw4w9WgXcQ" %}'],
    ['a button', '{% include elements/button.html link="https://example.com" text="Go" style="primary" %}'],
    ['a figure', '{% include elements/figure.html image="/a.png" caption="A caption" %}'],
    ['a carousel', '{% capture carousel_images %}\n/a.png\n/b.png\n{% endcapture %}\n{% include elements/carousel.html %}'],
    ['an aligned table', '| a | b |\n|:-:|--:|\n| 1 | 2 |'],
    ['footnotes and a task list', 'Text[^1].\n\n- [x] done\n- [ ] not\n\n[^1]: A note.'],
    ['an internal link', '[Another post](/blog/other/)'],
    ['a pre whose code starts with a newline', '<pre>\n\nindented</pre>'],
  ])('renders %s as before', (_name, markdown) => {
    const { first, second } = roundTrip(markdown)
    expect(second).toBe(first)
  })

  it('leaves out what the components add: anchors, copy bars, passage links', () => {
    const { tree } = roundTrip('## Title\n\n> A quote\n\n```js\nx\n```')
    const html = JSON.stringify(tree)
    expect(html).not.toContain('heading-anchor')
    expect(html).not.toContain('passage-link')
    expect(html).not.toContain('code-copy')
    expect(html).not.toContain('code-block')
  })

  it('puts back no math markup that KaTeX never writes and that parses differently a second time', () => {
    const { document } = parseHTML('<html><body><div class="post-body"><span class="math math-inline" data-element="math"><math><mtext><mglyph><style><img src=x onerror=alert(1)></style></mglyph></mtext></math></span></div></body></html>')
    const [math] = bodyFromDom(document.querySelector('.post-body')!).children
    expect(math).toMatchObject({ tagName: 'span', properties: { dataElement: 'math', dataMathHtml: '' }, children: [] })
  })

  it('gives math its KaTeX markup back as the tree carries it, not as children', () => {
    const { tree } = roundTrip('$$x^2$$')
    const math = tree.children.find((node) => node.type === 'element' && node.properties.dataElement === 'math')
    expect(math).toMatchObject({ tagName: 'div', children: [] })
    expect(String(math?.type === 'element' && math.properties.dataMathHtml)).toContain('class="katex-display"')
  })
})
