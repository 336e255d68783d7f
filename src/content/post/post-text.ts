/**
 * What a reader sees before opening a post, derived from its rendered body: plain text, an excerpt of
 * about 25 words (the theme's `truncatewords: 25`), a word count and a reading time.
 */
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import type { Element, Root, RootContent } from 'hast'

const EXCERPT_WORDS = 25
const WORDS_PER_MINUTE = 200
/** Text a reader does not read as prose: code, and the footnote back-references' arrows. */
const SKIPPED = new Set(['pre', 'script', 'style', 'template'])

export function plainText(tree: Root): string {
  const parts: string[] = []
  const walk = (node: Root | RootContent) => {
    if (node.type === 'text') parts.push(node.value)
    if (node.type === 'element' && SKIPPED.has(node.tagName)) return
    if (node.type === 'element' && /^(p|h[1-6]|li|blockquote|figcaption|td|th|br|div)$/.test(node.tagName)) parts.push(' ')
    if ('children' in node) node.children.forEach(walk)
  }
  walk(tree)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE))
}

export function excerptOf(text: string): string {
  const words = text.split(/\s+/).filter(Boolean)
  if (words.length <= EXCERPT_WORDS) return words.join(' ')
  return words.slice(0, EXCERPT_WORDS).join(' ').replace(/[,;:.\-–—]+$/, '') + '…'
}

/**
 * A description is plain text on the card, in meta tags and in feeds: HTML is read as HTML (tags
 * dropped, entities decoded: `<strong>first</strong>` is "first", never literal tags), markdown's
 * inline markers are dropped, lines joined.
 */
export function plainDescription(description: string): string {
  const text = /[<&]/.test(description) ? toString(withoutCode(fromHtml(description, { fragment: true }))) : description
  return text
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    // The same marker closes, with no marker between: a description of 100,000 ` _a` took 90 s.
    .replace(/(^|\W)([*_])([^*_]+)\2(?=\W|$)/g, '$1$3')
    // No `[` inside the brackets, no `(` inside the parentheses: each try stops at the next one, so a
    // description of 20,000 `[` is read in one pass, not one pass per bracket (3 s, growing squared).
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A tree without script and style elements: their text is not description. */
function withoutCode<T extends Root | Element>(node: T): T {
  return { ...node, children: node.children.filter((child) => !(child.type === 'element' && (child.tagName === 'script' || child.tagName === 'style'))).map((child) => (child.type === 'element' ? withoutCode(child) : child)) }
}
