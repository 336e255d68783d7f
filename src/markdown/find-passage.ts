/** The text of the quote or highlight with this id in a post body, or null. */
import type { Element, Root, RootContent } from 'hast'

export function findPassageText(tree: Root, id: string): string | null {
  const element = findById(tree, id)
  return element ? textOf(element).replace(/\s+/g, ' ').trim() : null
}

function findById(node: Root | RootContent, id: string): Element | null {
  if (node.type === 'element' && node.properties.id === id) return node
  if (!('children' in node)) return null
  for (const child of node.children) {
    const found = findById(child, id)
    if (found) return found
  }
  return null
}

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map(textOf).join('') : ''
}
