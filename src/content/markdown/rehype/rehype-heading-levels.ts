/**
 * rehype plugin: a post body's headings start at level 2, under the page's own `h1` (the title).
 * Authors often start at `###` or use `#`; levels are shifted as a whole, so their structure is kept
 * and only the skipped or clashing levels go. Ids are not touched: `#anchor` links keep working.
 */
import type { Element, Root } from 'hast'
import { eachElement } from '../hast-walk.ts'

const HEADING = /^h([1-6])$/

export function rehypeHeadingLevels() {
  return (tree: Root) => {
    let top = 7
    // The footnotes' own heading (`h2.sr-only`, from GFM) is the app's, not the author's.
    const authored = (node: Element) => !((node.properties.className as string[] | undefined) ?? []).includes('sr-only')
    eachElement(tree, (node) => {
      const level = HEADING.exec(node.tagName)?.[1]
      if (level && authored(node)) top = Math.min(top, Number(level))
    })
    if (top === 7 || top === 2) return
    const shift = 2 - top
    eachElement(tree, (node) => {
      const level = HEADING.exec(node.tagName)?.[1]
      if (level && authored(node)) node.tagName = `h${Math.min(6, Number(level) + shift)}`
    })
  }
}
