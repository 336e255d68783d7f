/**
 * rehype plugin, right after the sanitizer: a post's classes cannot reach the app's styles. Those the
 * pipeline itself gives post elements (GFM's footnotes and task lists, kramdown's `no_toc`, the theme's
 * elements, code languages) are kept; any other is prefixed `author-`, so `<div class="post-card-title">`
 * cannot borrow the app's rule that stretches a link over the whole page. Highlighting runs after this,
 * so its token classes are the pipeline's own.
 */
import type { Root } from 'hast'
import { eachElement } from '../hast-walk.ts'

/** Classes the pipeline puts on post elements, which the app's post styles and components expect. */
const PIPELINE_CLASSES = new Set([
  'footnotes', 'data-footnote-backref', 'sr-only', 'task-list-item', 'contains-task-list', 'no_toc',
  'button', 'video', 'carousel', 'gist-card', 'list-group', 'list-group-title', 'toc',
])
const PIPELINE_CLASS_PREFIXES = ['language-']
export const AUTHOR_CLASS_PREFIX = 'author-'

export function rehypeAuthorClasses() {
  return (tree: Root) => {
    eachElement(tree, (node) => {
      const classes = node.properties.className
      if (!Array.isArray(classes)) return
      node.properties.className = classes.map((name) => {
        const text = String(name)
        const known = PIPELINE_CLASSES.has(text) || PIPELINE_CLASS_PREFIXES.some((prefix) => text.startsWith(prefix))
        return known ? text : `${AUTHOR_CLASS_PREFIX}${text}`
      })
    })
  }
}
