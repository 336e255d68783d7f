/**
 * Every element of a hast tree, in document order (an element before its children), with its index, its
 * parent and its ancestors: the walk the pipeline's own plugins and the stored post's summaries make,
 * ~12 times a post.
 *
 * Why not unist-util-visit: for every node it visits, it makes a function and names it for stack traces
 * (`Object.defineProperty(visit, 'name', ...)`), which V8 cannot optimize. Measured on the bench's posts
 * (~13 KB of markdown, ~40 elements and ~150 nodes each): 0.50 ms a tree for `visit(tree, 'element', f)`,
 * 0.31 ms for visitParents, 0.005 ms for this loop; rendering 300 posts in one process took 9 % less CPU
 * with that naming taken out of the library (2 runs each, interleaved).
 */
import type { Element, Root } from 'hast'

export type HastParent = Root | Element

/**
 * Calls `visit` for each element under `tree`. The visitor may change the element, its children (the
 * walk goes on into the children it has after the call) and its later siblings, or remove the element
 * itself from `parent.children` (the walk goes on with what took its place). `ancestors` runs from the
 * tree to `parent` and changes as the walk goes on: copy it to keep it.
 */
export function eachElement(
  tree: HastParent,
  visit: (node: Element, index: number, parent: HastParent, ancestors: readonly HastParent[]) => void,
): void {
  const ancestors: HastParent[] = []
  const walk = (parent: HastParent) => {
    ancestors.push(parent)
    const children = parent.children
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index]!
      if (child.type !== 'element') continue
      visit(child, index, parent, ancestors)
      if (children[index] !== child) {
        // Removed (or replaced) by the visitor: whatever is at its index now is walked next.
        index -= 1
        continue
      }
      walk(child)
    }
    ancestors.pop()
  }
  walk(tree)
}

/** Whether any element under `tree` passes `test`; stops at the first that does. */
export function someElement(tree: HastParent, test: (node: Element) => boolean): boolean {
  for (const child of tree.children) {
    if (child.type !== 'element') continue
    if (test(child) || someElement(child, test)) return true
  }
  return false
}
