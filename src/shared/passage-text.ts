/**
 * What a shared passage says, for its link preview (description, card): a quote's own text; for a
 * highlight, the sentence (or sentences) it stands in, since a highlight is often a fragment
 * ("Invite them to") that means nothing alone. Shared by the build (cards, prerendered quote pages)
 * and the browser (the page's description), so both say the same.
 */
import type { Element, Root, RootContent } from 'hast'

/** Blocks whose text a highlight's sentence is taken from. */
const BLOCKS = new Set(['p', 'li', 'td', 'th', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'blockquote', 'summary'])

/** The preview text of the quote or highlight with this id in a post body, or null when there is none. */
export function findPassageText(tree: Root, id: string): string | null {
  const path = pathTo(tree, (node) => node.properties.id === id)
  return path ? passageTextAt(path) : null
}

/** The preview text of a passage, given the path from the root down to its element. */
export function passageTextAt(path: Array<Root | Element>): string {
  const element = path.at(-1)!
  const own = normalize(textOf(element))
  if (element.type !== 'element' || element.tagName !== 'mark') return own
  const block = [...path].reverse().find((node): node is Element => node.type === 'element' && node !== element && BLOCKS.has(node.tagName))
  if (!block) return own
  return sentencesAround(block, element) ?? own
}

/** Made once: a segmenter costs more to make (ICU's rules) than a block costs to segment. */
let sentenceSegmenter: Intl.Segmenter | null = null

/** The sentences of `block` that hold any of `mark`'s text. */
function sentencesAround(block: Element, mark: Element): string | null {
  const text = textOf(block)
  const start = offsetOf(block, mark)
  if (start === null) return null
  const end = start + textOf(mark).length
  sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' })
  let around = ''
  for (const { index, segment } of sentenceSegmenter.segment(text)) {
    if (index >= end) break
    if (index + segment.length > start) around += segment
  }
  return normalize(around) || null
}

/** Where `target`'s text starts in `root`'s text. */
function offsetOf(root: Element, target: Element): number | null {
  let offset = 0
  const walk = (node: RootContent | Element): boolean => {
    if (node === target) return true
    if (node.type === 'text') offset += node.value.length
    else if ('children' in node) for (const child of node.children) if (walk(child)) return true
    return false
  }
  return walk(root) ? offset : null
}

function pathTo(node: Root | Element, matches: (element: Element) => boolean): Array<Root | Element> | null {
  if (node.type === 'element' && matches(node)) return [node]
  for (const child of node.children) {
    if (child.type !== 'element') continue
    const path = pathTo(child, matches)
    if (path) return [node, ...path]
  }
  return null
}

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map(textOf).join('') : ''
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
