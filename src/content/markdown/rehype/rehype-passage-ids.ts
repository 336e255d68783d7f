/**
 * rehype plugin: every block quote and highlight gets a stable id derived from its text, not its
 * position (`q-3k9x0a`), so a link to a passage survives edits elsewhere in the post. Two passages
 * with the same text get `-2`, `-3` in order. An id the author set is kept.
 */
import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { eachElement } from '../hast-walk.ts'
import type { VFile } from 'vfile'
import { isSafeSegment, unsafeSegmentReason } from '../../prerender/output-paths.ts'

const PASSAGES = new Set(['blockquote', 'mark'])

/** Quote pages and cards per post: each is a page and an image, and a post may hold thousands of quotes. */
export const MAX_PASSAGE_PAGES = 200

export function rehypePassageIds() {
  return (tree: Root, file: VFile) => {
    const seen = new Map<string, number>()
    const authoredIds = new Set<string>()
    let passages = 0
    eachElement(tree, (node) => {
      if (!PASSAGES.has(node.tagName)) return
      passages += 1
      if (passages === MAX_PASSAGE_PAGES + 1) {
        warn(file, node, `More than ${MAX_PASSAGE_PAGES} quotes and highlights: the ones from here on have no page or card of their own, only their #link in the post`)
      }
      const authored = node.properties.id
      if (typeof authored === 'string' && !isSafeSegment(authored)) {
        warn(file, node, `The id ${JSON.stringify(authored)} ${unsafeSegmentReason(authored)}, so this passage gets no page or card of its own (its #link in the post works). Use letters, digits and hyphens`)
      } else if (typeof authored === 'string') {
        // Pages are files, and hosts may ignore case: `Intro` and `intro` would be one page.
        const key = authored.toLowerCase()
        if (authoredIds.has(key)) warn(file, node, `Another quote or highlight has the id ${JSON.stringify(authored)}; only the first gets a page of its own. Give each its own id`)
        authoredIds.add(key)
      }
      if (node.properties.id) return
      const text = toString(node).replace(/\s+/g, ' ').trim().toLowerCase()
      if (!text) return
      const base = `q-${passageHash(text)}`
      const count = (seen.get(base) ?? 0) + 1
      seen.set(base, count)
      node.properties.id = count === 1 ? base : `${base}-${count}`
    })
  }
}

function warn(file: VFile, node: Element, reason: string) {
  file.message(reason, { place: node.position?.start, ruleId: 'passage-id', source: 'jekyll-reader' }).fatal = false
}

/** FNV-1a, 32 bits, base 36: short, stable across builds and machines. */
export function passageHash(text: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(36)
}
