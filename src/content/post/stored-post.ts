/**
 * What the build keeps of a loaded post once its body is rendered: the tree as JSON text, with the few
 * facts the rest of the build reads from it (headings, quotes, plain text) taken out beforehand.
 *
 * Why text: a 1,000-word post's tree is a few hundred kilobytes of objects, and 10,000 of them would not
 * fit the build's memory budget, while the text is what the post's page and the prerender need
 * anyway. It also crosses from a build worker to the main thread as one string, not a cloned tree.
 */
import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import { visitParents } from 'unist-util-visit-parents'
import type { TocEntry } from '../../shared/post-data.ts'
import type { LoadedPost } from './load-post.ts'

/**
 * A block quote or highlight with its stable id (see rehype-passage-ids): it gets a page of its own. A
 * quote's page shows a card of the quote; a highlight's page shows its post's card, with `sentence` (the
 * sentence the highlight stands in) as its description.
 */
export interface Passage {
  id: string
  kind: 'quote' | 'highlight'
  text: string
  /** For a highlight: the whole sentence around it, as a preview reads best. For a quote: its text. */
  sentence: string
}

export interface StoredPost extends Omit<LoadedPost, 'body'> {
  /** The hast tree as JSON, without source positions (the app has no use for them). */
  body: string
  toc: TocEntry[]
  passages: Passage[]
}

export function storePost({ body, ...post }: LoadedPost): StoredPost {
  return {
    ...post,
    body: JSON.stringify(body, (key, value: unknown) => (key === 'position' ? undefined : value)),
    toc: tableOfContents(body),
    passages: passagesOf(body),
  }
}

/** The h2-h4 headings a reader can jump to. */
export function tableOfContents(body: Root): TocEntry[] {
  const entries: TocEntry[] = []
  visit(body, 'element', (node) => {
    const depth = /^h([2-4])$/.exec(node.tagName)?.[1]
    const classes = (node.properties.className as string[] | undefined) ?? []
    if (!depth || typeof node.properties.id !== 'string' || classes.includes('sr-only')) return
    entries.push({ id: node.properties.id, text: toString(node).trim(), depth: Number(depth) })
  })
  return entries
}

/** The post's quotes and highlights that have an id (all of them, see rehype-passage-ids). */
export function passagesOf(body: Root): Passage[] {
  const passages: Passage[] = []
  visitParents(body, 'element', (node, ancestors) => {
    if ((node.tagName !== 'blockquote' && node.tagName !== 'mark') || typeof node.properties.id !== 'string') return
    const text = plainText(node)
    if (node.tagName === 'blockquote') {
      passages.push({ id: node.properties.id, kind: 'quote', text, sentence: text })
      return
    }
    const block = [...ancestors].reverse().find((ancestor): ancestor is Element => ancestor.type === 'element' && BLOCKS.has(ancestor.tagName))
    passages.push({ id: node.properties.id, kind: 'highlight', text, sentence: block ? sentenceAround(plainText(block), text) : text })
  })
  return passages
}

/** The elements whose text a highlight's sentence is looked for in: the nearest one around it. */
const BLOCKS = new Set(['p', 'li', 'td', 'th', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'blockquote', 'div'])
const sentences = new Intl.Segmenter('en', { granularity: 'sentence' })

function plainText(node: Element | Root): string {
  return toString(node).replace(/\s+/g, ' ').trim()
}

/** The sentence (or sentences) of `block` that `passage` stands in; the passage alone when it is not found. */
export function sentenceAround(block: string, passage: string): string {
  const start = block.indexOf(passage)
  if (start < 0 || !passage) return passage
  const end = start + passage.length
  const covering = [...sentences.segment(block)].filter(({ index, segment }) => index < end && index + segment.length > start)
  return covering.map(({ segment }) => segment).join('').trim() || passage
}
