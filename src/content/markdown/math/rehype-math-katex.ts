/**
 * rehype plugin: typesets math at build time with KaTeX, so readers download no math script (only
 * KaTeX's stylesheet and fonts, on pages that have math).
 *
 * It runs after the post's sanitize step, on the `code.language-math` elements remark-kramdown-math
 * made (display math is the one inside a `pre`). Math in a post is untrusted:
 * - KaTeX runs with `trust: false` (no `\href`, `\url`, `\htmlClass`, `\includegraphics`...) and a
 *   bounded `maxExpand` and `maxSize`, so a macro bomb stops instead of hanging the build;
 * - what KaTeX returns is sanitized again with its own schema (katex-schema.ts) and its inline styles
 *   are reduced to plain sizes and colors, before it is stored as an HTML string on the element;
 * - TeX that KaTeX cannot read is shown in place, in red with KaTeX's message as its title, and the
 *   build warns with the file, line and column; it never fails the build.
 */
import katex from 'katex'
import type { Element, ElementContent, Root } from 'hast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { toString } from 'hast-util-to-string'
import { fromHtml } from 'hast-util-from-html'
import { sanitize } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import { katexSchema, keepPlainStyles } from './katex-schema.ts'

/** KaTeX's settings for untrusted TeX. */
export const KATEX_OPTIONS = {
  trust: false,
  maxExpand: 1000,
  maxSize: 20,
  strict: 'ignore',
  output: 'htmlAndMathml',
} as const satisfies katex.KatexOptions

export function rehypeMathKatex() {
  return (tree: Root, file: VFile) => {
    // `language-math` code comes from `$$`, `\(` or `\[` (remark-kramdown-math.ts), or from a block or a
    // class that names math (perhaps with character references, `&#109;ath`): a document without any of
    // them has none to typeset.
    if (file.value !== undefined && !/math|\$\$|\\[([]|&/.test(String(file.value))) return
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined || !isMathCode(node)) return
      const display = parent.type === 'element' && parent.tagName === 'pre' && parent.children.filter((child) => child.type === 'element').length === 1
      const html = typeset(toString(node), display, node.position ?? (parent.type === 'element' ? parent.position : undefined), file)
      const math: Element = {
        type: 'element',
        tagName: display ? 'div' : 'span',
        properties: { className: ['math', display ? 'math-display' : 'math-inline'], dataElement: 'math', dataMathHtml: html },
        children: [],
      }
      if (display && parent.type === 'element') {
        // The `pre` becomes the math: replace it in its own parent on the way back up.
        parent.tagName = 'div'
        parent.properties = math.properties
        parent.children = []
      } else {
        parent.children[index] = math as ElementContent
      }
    })
  }
}

function isMathCode(node: Element): boolean {
  const classes = node.properties.className
  return node.tagName === 'code' && Array.isArray(classes) && classes.includes('language-math')
}

function typeset(tex: string, displayMode: boolean, place: Element['position'], file: VFile): string {
  let html: string
  try {
    html = katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode, throwOnError: true })
  } catch (error) {
    const reason = error instanceof katex.ParseError ? error.message.replace(/^KaTeX parse error: /, '') : String(error)
    file.message(`Math cannot be typeset: ${reason}. It is shown as written; fix the TeX (KaTeX supports the commands listed at katex.org/docs/supported)`, {
      place,
      ruleId: 'math-katex',
      source: 'jekyll-reader',
    })
    html = katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode, throwOnError: false })
  }
  return checkedMarkup(html)
}

/** KaTeX's markup, through katex-schema.ts: defence in depth in case a KaTeX bug lets input through. */
export function checkedMarkup(html: string): string {
  const tree = sanitize(fromHtml(html, { fragment: true }), katexSchema) as Root
  keepPlainStyles(tree)
  return toHtml(tree)
}
