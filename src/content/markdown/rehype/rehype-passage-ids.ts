/**
 * rehype plugin: every block quote and highlight gets a stable id derived from its text, not its
 * position (`q-3k9x0a`), so a link to a passage survives edits elsewhere in the post. Two passages
 * with the same text get `-2`, `-3` in order. An id the author set is kept.
 */
import type { Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'

const PASSAGES = new Set(['blockquote', 'mark'])

export function rehypePassageIds() {
  return (tree: Root) => {
    const seen = new Map<string, number>()
    visit(tree, 'element', (node) => {
      if (!PASSAGES.has(node.tagName) || node.properties.id) return
      const text = toString(node).replace(/\s+/g, ' ').trim().toLowerCase()
      if (!text) return
      const base = `q-${passageHash(text)}`
      const count = (seen.get(base) ?? 0) + 1
      seen.set(base, count)
      node.properties.id = count === 1 ? base : `${base}-${count}`
    })
  }
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
