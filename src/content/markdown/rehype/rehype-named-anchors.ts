/**
 * rehype plugin, after sanitizing and heading ids: `<a name="x">`, the old way to make a link target
 * (`[see](#x)`), becomes `<a id="x">`, as the sanitize schema keeps every author id. `name` itself never
 * reaches the page: it is the attribute that clobbers `document.*` lookups. When an element already has
 * the id (often the heading right after the anchor), the anchor adds nothing; an anchor named like one
 * of the app's own element ids, or a property scripts read from `window` or `document`, gets no id
 * rather than shadow it.
 */
import type { Element, Root } from 'hast'
import { eachElement } from '../hast-walk.ts'

/** The app's own element ids (src/app, src/features): a post must not take them. */
const APP_IDS = new Set(['root', 'main', 'post-search', 'post-toc-heading', 'related-heading', 'comments-heading', 'tag-filter-heading'])
/** Names scripts read from `window` and `document` by name; an element id of the same name would shadow them. */
const GLOBALS = new Set([
  'window', 'self', 'top', 'parent', 'frames', 'opener', 'document', 'location', 'history', 'navigator', 'name',
  'length', 'origin', 'status', 'closed', 'screen', 'performance', 'localStorage', 'sessionStorage', 'crypto',
  'fetch', 'alert', 'body', 'head', 'forms', 'images', 'links', 'cookie', 'domain', 'referrer', 'defaultView',
  'getElementById', 'querySelector', 'createElement', 'documentElement', 'activeElement', 'scripts', 'anchors',
])
const SAFE_NAME = /^[A-Za-z][\w.:-]*$/

export function rehypeNamedAnchors() {
  return (tree: Root) => {
    // One walk: most posts have no named anchor, and then nothing else is to do.
    const ids = new Set<string>()
    const anchors: Element[] = []
    eachElement(tree, (node: Element) => {
      if (node.properties.id !== undefined) ids.add(String(node.properties.id))
      if (node.tagName === 'a' && node.properties.name !== undefined) anchors.push(node)
    })
    for (const node of anchors) {
      const name = node.properties.name
      delete node.properties.name
      const anchor = String(name)
      if (node.properties.id !== undefined || ids.has(anchor) || !SAFE_NAME.test(anchor) || APP_IDS.has(anchor) || GLOBALS.has(anchor)) continue
      node.properties.id = anchor
      ids.add(anchor)
    }
  }
}
