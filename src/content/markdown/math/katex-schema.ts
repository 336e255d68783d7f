/**
 * What KaTeX's output may hold once it is checked again (rehype-math-katex runs it through this schema
 * after KaTeX made it): KaTeX's HTML (spans with classes and inline sizes), its MathML for screen
 * readers, and the few SVG shapes it draws stretchy symbols with. No links, no ids, no URLs anywhere.
 */
import type { Schema } from 'hast-util-sanitize'
import type { Element } from 'hast'
import { visit } from 'unist-util-visit'

const MATHML = [
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup',
  'mfrac', 'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mlabeledtr', 'mpadded',
  'mphantom', 'menclose', 'mstyle', 'merror', 'mglyph',
]

export const katexSchema: Schema = {
  tagNames: ['span', 'svg', 'path', 'line', ...MATHML],
  attributes: {
    '*': ['className', 'style', 'ariaHidden'],
    span: ['title'],
    math: ['xmlns', 'display'],
    annotation: ['encoding'],
    mo: ['fence', 'stretchy', 'lspace', 'rspace', 'separator', 'minsize', 'maxsize', 'accent', 'movablelimits', 'form'],
    mover: ['accent'],
    munder: ['accentunder'],
    munderover: ['accent', 'accentunder'],
    mstyle: ['scriptlevel', 'displaystyle', 'mathcolor', 'mathbackground', 'mathsize'],
    mi: ['mathvariant'],
    mtext: ['mathvariant'],
    mn: ['mathvariant'],
    mpadded: ['width', 'height', 'depth', 'lspace', 'voffset'],
    mspace: ['width', 'height', 'depth', 'linebreak'],
    menclose: ['notation'],
    mtable: ['columnalign', 'rowalign', 'rowspacing', 'columnspacing', 'columnlines', 'rowlines', 'frame', 'framespacing', 'width', 'displaystyle'],
    mtd: ['columnalign', 'rowalign'],
    mfrac: ['linethickness'],
    svg: ['xmlns', 'width', 'height', 'viewBox', 'preserveAspectRatio'],
    path: ['d'],
    line: ['x1', 'y1', 'x2', 'y2', 'strokeWidth'],
  },
  protocols: {},
  ancestors: {},
  clobber: [],
  strip: ['script', 'style'],
}

// A declaration KaTeX writes: a size, a color (KaTeX accepts `\color` names and hex only) or a keyword.
const DECLARATION = /^\s*([a-z-]+)\s*:\s*(-?[\d.]+(?:em|ex|pt|px|%)?|#[\da-f]{3,8}|[a-z]+)\s*$/i

/**
 * Keeps only `property:value` declarations whose value is a number with a unit, a hex color or a
 * keyword: whatever a post puts into `\color{...}` or a size, nothing like `url(...)` reaches a page.
 */
export function keepPlainStyles(tree: Parameters<typeof visit>[0]) {
  visit(tree, 'element', (node: Element) => {
    const style = node.properties.style
    if (typeof style !== 'string') return
    const kept = style.split(';').filter((declaration) => DECLARATION.test(declaration)).join(';')
    if (kept) node.properties.style = kept
    else delete node.properties.style
  })
}
