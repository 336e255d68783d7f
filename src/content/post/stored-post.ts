/**
 * What the build keeps of a loaded post once its body is rendered: the tree as JSON text, with the few
 * facts the rest of the build reads from it (headings, quotes, plain text) taken out beforehand.
 *
 * Why text: a 1,000-word post's tree is a few hundred kilobytes of objects, and 10,000 of them would not
 * fit the build's memory budget, while the text is what the post's page and the prerender need
 * anyway. It also crosses from a build worker to the main thread as one string, not a cloned tree.
 */
import type { Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { eachElement } from '../markdown/hast-walk.ts'
import { passageTextAt } from '../../shared/passage-text.ts'
import type { TocEntry } from '../../shared/post-data.ts'
import type { LoadedPost } from './load-post.ts'
import { hasMermaidDiagram } from '../markdown/mermaid-blocks.ts'
import { MAX_PASSAGE_PAGES } from '../markdown/rehype/rehype-passage-ids.ts'
import type { PostBody } from '../build/body-files.ts'

/**
 * A block quote or highlight with its stable id (see rehype-passage-ids): it gets a page of its own. A
 * quote's page shows a card of the quote; a highlight's page shows its post's card, with `sentence` (the
 * sentence the highlight stands in) as its description.
 */
export interface Passage {
  id: string
  kind: 'quote' | 'highlight'
  text: string
  /** For a highlight: the sentence around it, as a preview reads best (src/shared/passage-text.ts). For a quote: its text. */
  sentence: string
}

export interface StoredPost extends Omit<LoadedPost, 'body'> {
  /**
   * The hast tree as JSON, without source positions (the app has no use for them). In a production
   * build, where the build's body files hold it (build/body-files.ts): read it with `bodyJson`.
   */
  body: PostBody
  toc: TocEntry[]
  passages: Passage[]
  /** Whether the body draws a Mermaid diagram: the build copies Mermaid's files only for a site that has one. */
  hasDiagram: boolean
}

export function storePost({ body, ...post }: LoadedPost): StoredPost {
  return {
    ...post,
    body: JSON.stringify(body, (key, value: unknown) => (key === 'position' ? undefined : value)),
    toc: tableOfContents(body),
    passages: passagesOf(body),
    hasDiagram: hasMermaidDiagram(body),
  }
}

/** The h2-h4 headings a reader can jump to. */
export function tableOfContents(body: Root): TocEntry[] {
  const entries: TocEntry[] = []
  eachElement(body, (node) => {
    const depth = /^h([2-4])$/.exec(node.tagName)?.[1]
    const classes = (node.properties.className as string[] | undefined) ?? []
    if (!depth || typeof node.properties.id !== 'string' || classes.includes('sr-only')) return
    entries.push({ id: node.properties.id, text: toString(node).trim(), depth: Number(depth) })
  })
  return entries
}

/**
 * The post's quotes and highlights that have an id (all of them, see rehype-passage-ids), each with its
 * preview text: a highlight's is the sentence it stands in (src/shared/passage-text.ts).
 */
export function passagesOf(body: Root): Passage[] {
  const passages: Passage[] = []
  eachElement(body, (node, _index, _parent, ancestors) => {
    if ((node.tagName !== 'blockquote' && node.tagName !== 'mark') || typeof node.properties.id !== 'string') return
    const text = toString(node).replace(/\s+/g, ' ').trim()
    const kind = node.tagName === 'blockquote' ? 'quote' : 'highlight'
    passages.push({ id: node.properties.id, kind, text, sentence: passageTextAt([...ancestors, node]) })
  })
  // One page per id, whatever its case, and past the limit a passage keeps its anchor but gets no page
  // (rehype-passage-ids warns of both).
  const ids = new Set<string>()
  return passages
    .filter((passage) => {
      const key = passage.id.toLowerCase()
      if (ids.has(key)) return false
      ids.add(key)
      return true
    })
    .slice(0, MAX_PASSAGE_PAGES)
}

