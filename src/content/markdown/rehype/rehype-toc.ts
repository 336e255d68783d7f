/**
 * rehype plugin, after heading ids exist: tables of contents.
 *
 * - kramdown's `* TOC` + `{:toc}` (a `nav[data-toc]`) gets a nested list of the post's headings;
 *   headings marked `{:.no_toc}` are left out, as in kramdown, and so is the footnotes' heading.
 * - Links of the theme's `list.html type="toc"` (`a[data-toc-item]`) point at the heading with that text,
 *   whatever id scheme made its id.
 */
import type { Element, ElementContent, Root } from 'hast'
import { eachElement } from '../hast-walk.ts'
import { toString } from 'hast-util-to-string'

interface Heading {
  id: string
  depth: number
  text: string
  content: ElementContent[]
}

export function rehypeToc() {
  return (tree: Root) => {
    // One walk finds the headings and what lists them (a `{:toc}` list, `data-toc-item` links): most
    // posts have none of the latter, and then the walk is all.
    const headings: Heading[] = []
    const listing: Element[] = []
    eachElement(tree, (node) => {
      if ((node.tagName === 'a' && node.properties.dataTocItem !== undefined) || (node.tagName === 'nav' && node.properties.dataToc !== undefined)) listing.push(node)
      const depth = /^h([1-6])$/.exec(node.tagName)?.[1]
      if (!depth || typeof node.properties.id !== 'string') return
      const classes = (node.properties.className as string[] | undefined) ?? []
      // `sr-only`: the footnotes' own heading, which GFM adds for screen readers.
      if (classes.includes('no_toc') || classes.includes('sr-only')) return
      headings.push({ id: node.properties.id, depth: Number(depth), text: toString(node).trim(), content: node.children })
    })

    for (const node of listing) {
      if (node.tagName === 'a') {
        const wanted = String(node.properties.dataTocItem).trim().toLowerCase()
        const heading = headings.find((each) => each.text.toLowerCase() === wanted)
        if (heading) node.properties.href = `#${heading.id}`
        delete node.properties.dataTocItem
      }
      if (node.tagName === 'nav') {
        delete node.properties.dataToc
        node.properties.ariaLabel = 'Contents'
        node.children = headings.length > 0 ? [nestedList(headings)] : []
      }
    }
  }
}

/** Headings as nested `<ul>`s: a deeper heading opens a list inside the item before it. */
function nestedList(headings: Heading[]): Element {
  const root: Element = { type: 'element', tagName: 'ul', properties: {}, children: [] }
  const stack: Array<{ depth: number; list: Element }> = [{ depth: Math.min(...headings.map((each) => each.depth)), list: root }]
  for (const heading of headings) {
    while (stack.length > 1 && heading.depth < stack.at(-1)!.depth) stack.pop()
    let top = stack.at(-1)!
    if (heading.depth > top.depth) {
      const parentItem = top.list.children.at(-1) as Element | undefined
      const list: Element = { type: 'element', tagName: 'ul', properties: {}, children: [] }
      if (parentItem) parentItem.children.push(list)
      else top.list.children.push({ type: 'element', tagName: 'li', properties: {}, children: [list] })
      stack.push({ depth: heading.depth, list })
      top = stack.at(-1)!
    }
    top.list.children.push({
      type: 'element',
      tagName: 'li',
      properties: {},
      children: [{ type: 'element', tagName: 'a', properties: { href: `#${heading.id}` }, children: structuredClone(withoutLinks(heading.content)) }],
    })
  }
  return root
}

/** A heading's own links cannot nest inside the TOC's link: keep their text. */
function withoutLinks(content: ElementContent[]): ElementContent[] {
  return content.flatMap((child) =>
    child.type === 'element' && child.tagName === 'a' ? withoutLinks(child.children) : child.type === 'element' ? [{ ...child, properties: { ...child.properties, id: undefined }, children: withoutLinks(child.children) }] : [child],
  )
}
