/**
 * remark plugin: math as kramdown reads it, plus LaTeX's own delimiters.
 *
 * - `$$...$$` is math, and a single `$` is not (kramdown has no single-dollar math, and prices are
 *   common in posts).
 * - `$$...$$` or `\[...\]` standing alone in its paragraph is display math (kramdown's rule, which also
 *   covers a `$$` block fenced on lines of its own); inside a sentence, `$$...$$` and `\(...\)` are inline.
 *   A `\[...\]` inside a sentence is shown inline in display style (`\displaystyle`).
 *
 * The result is mdast-util-math's `inlineMath` and `math` nodes; `rehype-math-katex` typesets them.
 */
import type { Paragraph, Root, RootContent } from 'mdast'
import type { Processor } from 'unified'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import remarkMath from 'remark-math'
import type { Extension as MicromarkExtension } from 'micromark-util-types'
import { latexDelimiters } from './latex-delimiters-syntax.ts'

export function remarkKramdownMath(this: Processor) {
  remarkMath.call(this, { singleDollarTextMath: false })
  const data = this.data() as { micromarkExtensions?: MicromarkExtension[] }
  ;(data.micromarkExtensions ??= []).push(latexDelimiters())

  return (tree: Root, file: VFile) => {
    const source = String(file.value)
    // Math nodes come from `$$`, `\(` or `\[` only (remark-math without single dollars, latexDelimiters).
    if (file.value !== undefined && !/\$\$|\\[([]/.test(source)) return
    const opensWith = (node: RootContent, delimiter: string) => node.position?.start.offset !== undefined && source.startsWith(delimiter, node.position.start.offset)
    visit(tree, 'paragraph', (paragraph: Paragraph, index, parent) => {
      const content = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
      const only = content.length === 1 ? content[0]! : null
      if (only?.type === 'inlineMath' && parent && index !== undefined && !opensWith(only, '\\(')) {
        parent.children[index] = displayMath(only.value, paragraph)
        return
      }
      for (const child of paragraph.children) {
        if (child.type === 'inlineMath' && opensWith(child, '\\[')) setInlineValue(child, `\\displaystyle ${child.value}`)
      }
    })
  }
}

function displayMath(value: string, paragraph: Paragraph): RootContent {
  return {
    type: 'math',
    value,
    ...(paragraph.position ? { position: paragraph.position } : {}),
    data: {
      hName: 'pre',
      hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value }] }],
    },
  }
}

function setInlineValue(node: { value: string; data?: { hChildren?: unknown[] } }, value: string) {
  node.value = value
  if (node.data) node.data.hChildren = [{ type: 'text', value }]
}
