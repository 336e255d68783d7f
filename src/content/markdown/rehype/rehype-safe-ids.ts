/**
 * rehype plugin, last of the pipeline: a post's ids are kept as written (old `#anchors` and shared
 * quote links keep working), except an id the app gives one of its own elements
 * (src/shared/app-element-ids.ts): that one gets `-post` (then `-post-2`...), with a warning, and the
 * post's own `#links` to it follow. `getElementById` finds the first element with an id, and a post's
 * `<p id="prerendered-data">` once stood in for the page's data.
 */
import type { Element, Root } from 'hast'
import type { VFile } from 'vfile'
import { eachElement } from '../hast-walk.ts'
import { APP_ELEMENT_IDS } from '../../../shared/app-element-ids.ts'

export function rehypeSafeIds() {
  return (tree: Root, file: VFile) => {
    // One walk finds every id and the elements that take the app's: nearly always none.
    const ids = new Set<string>()
    const clashing: Element[] = []
    eachElement(tree, (node) => {
      if (typeof node.properties.id !== 'string') return
      ids.add(node.properties.id)
      if (APP_ELEMENT_IDS.has(node.properties.id)) clashing.push(node)
    })
    const renamed = new Map<string, string>()
    for (const node of clashing) {
      const id = node.properties.id as string
      const safe = renamed.get(id) ?? freeId(id, ids)
      renamed.set(id, safe)
      ids.add(safe)
      node.properties.id = safe
      const message = file.message(`The id "${id}" belongs to the app's own page; it was renamed "${safe}". Give the element another id`, {
        place: node.position?.start,
        ruleId: 'post-id',
        source: 'jekyll-reader',
      })
      message.fatal = false
    }
    if (renamed.size === 0) return
    eachElement(tree, (node) => {
      const href = node.properties.href
      if (typeof href === 'string' && href.startsWith('#') && renamed.has(href.slice(1))) node.properties.href = `#${renamed.get(href.slice(1))}`
    })
  }
}

function freeId(id: string, taken: Set<string>): string {
  for (let count = 1; ; count += 1) {
    const candidate = count === 1 ? `${id}-post` : `${id}-post-${count}`
    if (!taken.has(candidate) && !APP_ELEMENT_IDS.has(candidate)) return candidate
  }
}
