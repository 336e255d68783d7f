/**
 * remark plugin: kramdown attribute lists, applied and never shown.
 *
 * - Span IAL right after an image, link, emphasis or inline code (`![](x.png){: width="400" }`)
 *   applies to that element.
 * - Block IAL on the line after a paragraph, heading, list, quote, table or code block applies to it
 *   (kramdown's rule; a lazy line inside a quote or list applies to the quote or list).
 * - `{:toc}` after a list (`* TOC`) turns the list into a table of contents (`nav.toc`, filled by
 *   `rehype-toc` from the headings).
 * - Only a safe allow-list of attributes is applied: id, class, width, height, alt, title, align.
 *   Extension tags (`{::options /}`, `{::comment}...{:/}`) are removed.
 */
import type { Data, Nodes, Parent, Root, RootContent } from 'mdast'
import type { Processor } from 'unified'
import type { VFile } from 'vfile'
import { SKIP, visit } from 'unist-util-visit'
import type { Extension as MicromarkExtension } from 'micromark-util-types'
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown'
import { kramdownIalFromMarkdown, kramdownIalSyntax, type KramdownIal } from './kramdown-ial-syntax.ts'

// `target` (mostly `_blank` on links) is safe: rehype-media adds rel=noopener.
const ALLOWED = new Set(['id', 'class', 'width', 'height', 'alt', 'title', 'align', 'target'])
const SPAN_TARGETS = new Set(['image', 'link', 'emphasis', 'strong', 'inlineCode', 'delete', 'liquidElement', 'imageReference', 'linkReference'])
const ATTRIBUTE = /([.#])([\w-]+)|([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s}]+))/g

export interface Attributes {
  toc: boolean
  properties: Record<string, string | string[]>
  /** Keys found but not applied, for the warning. */
  dropped: string[]
}

export function parseAttributeList(value: string): Attributes {
  const inner = value.replace(/^\{:\s*/, '').replace(/\s*\}$/, '')
  const result: Attributes = { toc: false, properties: {}, dropped: [] }
  if (/^toc\b/.test(inner)) result.toc = true
  const classes: string[] = []
  for (const match of inner.matchAll(ATTRIBUTE)) {
    const [, sigil, name, key, doubleQuoted, singleQuoted, bare] = match
    if (sigil === '.') classes.push(name!)
    else if (sigil === '#') result.properties.id = name!
    else if (key) {
      const attributeValue = doubleQuoted ?? singleQuoted ?? bare ?? ''
      if (!ALLOWED.has(key.toLowerCase())) result.dropped.push(key)
      else if (key.toLowerCase() === 'class') classes.push(...attributeValue.split(/\s+/).filter(Boolean))
      else result.properties[key.toLowerCase()] = attributeValue
    }
  }
  if (classes.length > 0) result.properties.className = classes
  return result
}

export function remarkKramdownIal(this: Processor) {
  const data = this.data() as { micromarkExtensions?: MicromarkExtension[]; fromMarkdownExtensions?: FromMarkdownExtension[] }
  ;(data.micromarkExtensions ??= []).push(kramdownIalSyntax())
  ;(data.fromMarkdownExtensions ??= []).push(kramdownIalFromMarkdown())

  return (tree: Root, file: VFile) => {
    // Every attribute list starts `{:` (kramdown-ial-syntax.ts) and every header id `{#` (or `{` written
    // as a character reference, which the heading's text decodes): a post with neither, nearly every
    // post, skips the four walks of its tree (~0.2 ms a post, measured).
    const source = file.value === undefined ? null : String(file.value)
    if (source === null || source.includes('{#') || source.includes('&')) headerIds(tree)
    if (source !== null && !source.includes('{:')) return
    const parents = new Map<Nodes, Parent>()
    visit(tree, (node, _, parent) => {
      if (parent) parents.set(node as Nodes, parent)
    })
    const findParent = (child: Nodes) => parents.get(child) ?? null
    visit(tree, 'kramdownIal', (node, index, parent) => {
      if (index === undefined || !parent) return
      const siblings = parent.children as RootContent[]
      siblings.splice(index, 1)
      if (node.value.startsWith('{::') || node.value.startsWith('{:/')) {
        removeExtensionContent(node, siblings, index)
        return [SKIP, index]
      }
      const attributes = parseAttributeList(node.value)
      if (attributes.dropped.length > 0) {
        file.message(`Attribute${attributes.dropped.length > 1 ? 's' : ''} ${attributes.dropped.join(', ')} in \`${node.value}\` not applied: only ${[...ALLOWED].join(', ')} are`, {
          place: node.position,
          ruleId: 'kramdown-ial',
          source: 'jekyll-reader',
        }).fatal = false
      }
      const target = parent.type === 'tableCell' ? tableOfTrailingRow(findParent, parent) : findTarget(parent, siblings, index, node, findParent)
      if (target) apply(target, attributes)
      trimLineEnd(siblings, index)
      return [SKIP, index]
    })
    // A paragraph that only held a block IAL is empty now.
    visit(tree, 'paragraph', (node, index, parent) => {
      if (index === undefined || !parent || node.children.some((child) => child.type !== 'text' || child.value.trim())) return
      parent.children.splice(index, 1)
      return [SKIP, index]
    })
  }
}

/** Which node an IAL at `index` of `parent` (already removed from `siblings`) belongs to. */
type FindParent = (child: Nodes) => Parent | null

function findTarget(parent: Parent, siblings: RootContent[], index: number, ial: KramdownIal, findParent: FindParent): Nodes | null {
  const before = siblings[index - 1]
  if (before && SPAN_TARGETS.has(before.type)) return before
  if (parent.type !== 'paragraph') return null
  const atLineStart = !before || (before.type === 'text' && /\n\s*$/.test(before.value))
  if (!atLineStart) return null
  const meaningful = siblings.filter((child) => child.type !== 'text' || child.value.trim())
  const container = findParent(parent as Nodes)
  if (meaningful.length > 0) {
    // `text\n{: .x}`: the paragraph's own IAL, or its container's when the line was lazy (it starts
    // left of the paragraph, outside the quote's `>` or the item's indent).
    const lazy = (ial.position?.start.column ?? 0) < (parent.position?.start.column ?? 0)
    if (lazy && container && (container.type === 'blockquote' || container.type === 'listItem') && container.children.at(-1) === parent) {
      return (container.type === 'listItem' ? (findParent(container as Nodes) ?? container) : container) as Nodes
    }
    return parent as Nodes
  }
  // A paragraph of its own: the block before it (kramdown also allows the block after).
  if (!container) return null
  const position = (container.children as Nodes[]).indexOf(parent as Nodes)
  return (container.children[position - 1] as Nodes | undefined) ?? (container.children[position + 1] as Nodes | undefined) ?? null
}

/**
 * GFM reads the line after a table as one more row; a last row that holds nothing but the IAL is the
 * table's attribute list: the row goes, the table gets the attributes.
 */
function tableOfTrailingRow(findParent: FindParent, cell: Parent): Nodes | null {
  const row = findParent(cell as Nodes)
  const table = row && findParent(row as Nodes)
  if (!row || !table || table.children.at(-1) !== row) return null
  const empty = row.children.every((each) => (each as Parent).children.every((child) => child.type === 'text' && !child.value.trim()))
  if (!empty) return null
  table.children.pop()
  return table as Nodes
}

function apply(target: Nodes, attributes: Attributes) {
  if (attributes.toc && target.type === 'list') {
    target.data = { ...target.data, hName: 'nav', hProperties: { className: ['toc'], dataToc: '' }, hChildren: [] }
    return
  }
  const data: Data = (target.data ??= {})
  const current = (data.hProperties ?? {}) as Record<string, unknown>
  const className = [...toArray(current.className), ...toArray(attributes.properties.className)]
  data.hProperties = { ...current, ...attributes.properties, ...(className.length > 0 ? { className } : {}) }
}

function toArray(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : []
}

/** `{::comment}hidden{:/comment}`: drops what stands between the opening tag and `{:/}`. */
function removeExtensionContent(node: KramdownIal, siblings: RootContent[], index: number) {
  if (!/^\{::(comment|nomarkdown)\b/.test(node.value) || node.value.endsWith('/}')) return
  const end = siblings.findIndex((child, position) => position >= index && child.type === 'kramdownIal' && child.value.startsWith('{:/'))
  if (end === -1) return
  if (node.value.startsWith('{::comment')) siblings.splice(index, end - index + 1)
  else siblings.splice(end, 1)
}

function trimLineEnd(siblings: RootContent[], index: number) {
  const before = siblings[index - 1]
  if (before?.type === 'text' && !siblings[index]) before.value = before.value.replace(/\s+$/, '')
}

/** kramdown's header ids: `## Setup {#getting-started}` gives `<h2 id="getting-started">Setup</h2>`. */
function headerIds(tree: Root) {
  visit(tree, 'heading', (heading) => {
    const last = heading.children.at(-1)
    if (last?.type !== 'text') return
    const match = /\s*\{#([\w-]+)\}\s*$/.exec(last.value)
    if (!match) return
    last.value = last.value.slice(0, match.index)
    heading.data = { ...heading.data, hProperties: { ...(heading.data?.hProperties ?? {}), id: match[1]! } }
  })
}
