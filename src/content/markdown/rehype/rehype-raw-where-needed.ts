/**
 * rehype-raw's work (raw HTML in markdown parsed into elements, by parse5, as a browser would), done
 * on the blocks that hold raw HTML instead of the whole document when that gives the same tree.
 *
 * rehype-raw feeds every node of the document through parse5, so a post with one `<mark>` pays for
 * parsing all of it again: ~0.9 ms a post, a sixth of the markdown pipeline (the benchmark's posts,
 * whose Liquid highlights are `<mark>…</mark>` in paragraphs); this plugin takes ~0.4 ms.
 *
 * When every raw node sits in a paragraph, heading, list item or table cell, and that block's raw
 * nodes are whole tags of phrasing elements (`<mark>`, `<kbd>`, `<sup>`, `<br>`, `<a href>`...) that
 * open and close in order among the same siblings, parsing the block alone leaves parse5 in the state
 * it found it: no open element or active formatting element crosses the block's edge, which is what
 * reparsing the whole document could otherwise carry into later blocks. Anything else (an HTML block, a
 * comment, an unclosed `<b>`, a raw node at the top level), and a document where parse5 would take
 * markdown's own elements apart (a footnote call in link text is a link in a link), takes rehype-raw's
 * whole-document path.
 *
 * The rest of the tree is given what the round trip through parse5 would have changed (asParse5Leaves),
 * so both paths give the same tree. The test holds them equal on real posts' constructs and on the
 * cases a review found (a link in a link, a code block's newlines, empty texts); on the benchmark's
 * posts, the portfolYOU corpus and site, karpathy.github.io and huxpro.github.io (267 documents) the
 * trees were equal, positions included. Were a case missed, the difference would be one parse5 makes
 * of markdown's own elements, not of an author's HTML, and rehype-sanitize runs after either path.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import type { Position } from 'unist'
import { fromParse5 } from 'hast-util-from-parse5'
import { raw } from 'hast-util-raw'
import { toParse5 } from 'hast-util-to-parse5'
import { find, html } from 'property-information'
import type { VFile } from 'vfile'

/** Blocks parsed on their own: where markdown puts inline HTML. */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th'])
/**
 * Phrasing elements whose tags parse5 handles the same in any block: no implied end tags, no change of
 * tokenizer state (script, style, textarea, title... are absent), not table or form parts.
 */
const PHRASING = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q',
  's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var',
])
const VOID = new Set(['br', 'img', 'wbr'])
/** One whole start tag, attributes quoted or not (the HTML tokenizer's attribute rules). */
const START_TAG = /^<([a-zA-Z][a-zA-Z0-9]*)(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*(\/?)>$/
const END_TAG = /^<\/([a-zA-Z][a-zA-Z0-9]*)\s*>$/

type Raw = { type: 'raw'; value: string }

export function rehypeRawWhereNeeded() {
  return (tree: Root, file: VFile): Root => {
    const blocks = blocksToParse(tree)
    if (blocks === null) return raw(tree, { file }) as Root
    const parsed = new Set<Element>()
    for (const { parent, index } of blocks) parsed.add((parent.children[index] = raw(parent.children[index] as Element, { file }) as Element))
    asParse5Leaves(tree, parsed)
    // What parse5 says of a fragment, as rehype-raw's root carries it.
    tree.data = { ...tree.data, quirksMode: false }
    return tree
  }
}

interface Block {
  parent: Root | Element
  index: number
}

/** The blocks to parse on their own (none without raw HTML), or null when the whole document must be. */
export function blocksToParse(tree: Root): Block[] | null {
  const blocks: Block[] = []
  return collectBlocks(tree, blocks) && !nestsLinks(tree, false) ? blocks : null
}

/**
 * Whether a link holds a link: GFM puts a footnote call inside link text (`[a[^1]](/x)`), which parse5
 * takes apart as a browser does; only the whole-document path does the same.
 */
function nestsLinks(node: Root | Element, inLink: boolean): boolean {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    const link = child.tagName === 'a'
    if ((link && inLink) || nestsLinks(child, inLink || link)) return true
  }
  return false
}

/**
 * The outermost blocks holding raw nodes, into `blocks`; false when some raw node is not in a block
 * that can be parsed alone.
 */
function collectBlocks(node: Root | Element, blocks: Block[]): boolean {
  for (let index = 0; index < node.children.length; index += 1) {
    const child = node.children[index] as RootContent | Raw
    if (child.type === 'raw') return false
    if (child.type !== 'element' || !hasRaw(child)) continue
    if (BLOCKS.has(child.tagName)) {
      if (!balancedPhrasing(child.children)) return false
      blocks.push({ parent: node, index })
    } else if (!collectBlocks(child, blocks)) {
      return false
    }
  }
  return true
}

/**
 * Whether the block's raw nodes are whole phrasing tags, each closed by a later sibling in the order
 * they opened: a tag closed in another element (`*a <b>b* c</b>`) is left to the whole-document path.
 */
function balancedPhrasing(children: ElementContent[]): boolean {
  const open: string[] = []
  for (const child of children as Array<ElementContent | Raw>) {
    if (child.type === 'element' && !balancedPhrasing(child.children)) return false
    if (child.type !== 'raw') continue
    const start = START_TAG.exec(child.value)
    if (start) {
      const name = start[1]!.toLowerCase()
      if (VOID.has(name)) continue
      if (!PHRASING.has(name) || start[2]) return false
      open.push(name)
      continue
    }
    const end = END_TAG.exec(child.value)
    if (!end || open.pop() !== end[1]!.toLowerCase()) return false
  }
  return open.length === 0
}

/**
 * What parse5's round trip does to the rest of the tree (the blocks it parsed have had it): adjacent text
 * nodes are one (mdast-util-to-hast leaves a hard break's newline and the next line apart), an empty one
 * is none, elements keep no `data` and only the properties their attributes give, and a `<pre>` loses
 * its first newline.
 */
function asParse5Leaves(node: Root | Element, parsed: Set<Element>) {
  const children: Array<RootContent | ElementContent> = []
  for (const child of node.children) {
    // An empty text is no character at all to parse5 (an empty code block's, an attribute list's line).
    if (child.type === 'text' && child.value === '') continue
    const previous = children.at(-1)
    if (child.type === 'text' && previous?.type === 'text') {
      children[children.length - 1] = { type: 'text', value: previous.value + child.value, ...spanning(previous, child) }
      continue
    }
    if (child.type === 'element' && !parsed.has(child)) {
      delete child.data
      child.properties = asAttributes(child)
      if (child.tagName === 'pre') dropLeadingNewline(child)
      asParse5Leaves(child, parsed)
    }
    children.push(child)
  }
  node.children = children as typeof node.children
}

/**
 * The element's properties once written as attributes and read back, as the round trip reads them:
 * `dataFootnoteRef: true` becomes `''` (not a boolean attribute), `checked: true` stays.
 */
function asAttributes(element: Element): Element['properties'] {
  if (readsBackTheSame(element.properties)) return element.properties
  const read = fromParse5(toParse5({ ...element, children: [] })) as Element
  return read.properties
}

/**
 * Whether the round trip would give the properties back as they are (plain string properties and
 * class lists, nearly every element of a post): two thirds of the time this plugin saves went into
 * writing and reading back elements that do not change.
 */
function readsBackTheSame(properties: Element['properties']): boolean {
  for (const key in properties) {
    const value = properties[key]
    const info = find(html, key)
    if (info.property !== key) return false
    if (typeof value === 'string') {
      if (info.boolean || info.booleanish || info.overloadedBoolean || info.number || info.spaceSeparated || info.commaSeparated || info.commaOrSpaceSeparated) return false
    } else if (!(info.spaceSeparated && Array.isArray(value) && value.every((word) => typeof word === 'string' && /^\S+$/.test(word)))) {
      return false
    }
  }
  return true
}

/**
 * parse5 drops a newline right after `<pre>`'s start tag, and rehype-raw feeds it a code block's
 * `<code>` start tag without clearing that, so a fenced block that starts with a blank line loses it.
 */
function dropLeadingNewline(pre: Element) {
  const code = pre.children[0]
  const text = code?.type === 'element' && code.tagName === 'code' ? code.children[0] : code
  if (text?.type === 'text' && text.value.startsWith('\n')) text.value = text.value.slice(1)
}

/** The merged text's place as parse5 gives it: from the first's start to the last's end, each when known. */
function spanning(first: { position?: Position }, last: { position?: Position }): { position?: Position } {
  const start = first.position?.start
  const end = last.position?.end
  return start || end ? { position: { start, end } as Position } : {}
}

function hasRaw(node: Root | Element): boolean {
  return node.children.some((child) => (child as { type: string }).type === 'raw' || (child.type === 'element' && hasRaw(child)))
}
