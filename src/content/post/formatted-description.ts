/**
 * A front-matter `description` with HTML in it -> FormattedText (shared/formatted-text.ts) for the card
 * and the post header: `strong`/`b`, `em`/`i`, `code` and links to http(s) addresses or the site's paths
 * keep their formatting; every other element gives its text only (script and style not even that), and
 * every attribute but a link's checked `href` is dropped. Without HTML it is the plain description.
 */
import { fromHtml } from 'hast-util-from-html'
import type { RootContent } from 'hast'
import type { FormattedElement, FormattedRun, FormattedText } from '../../shared/formatted-text.ts'

const KEPT: Record<string, 'strong' | 'em' | 'code'> = { strong: 'strong', b: 'strong', em: 'em', i: 'em', code: 'code' }
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math'])

export function formattedDescription(description: string, plain: string): FormattedText {
  if (!/[<&]/.test(description)) return plain
  const runs = trim(merge(toRuns(fromHtml(description, { fragment: true }).children)))
  return runs.some((run) => typeof run !== 'string') ? runs : plain
}

function toRuns(nodes: RootContent[]): FormattedRun[] {
  return nodes.flatMap((node): FormattedRun[] => {
    if (node.type === 'text') return [node.value.replace(/\s+/g, ' ')]
    if (node.type !== 'element' || DROPPED.has(node.tagName)) return []
    const children = merge(toRuns(node.children))
    if (children.length === 0) return []
    const kept = KEPT[node.tagName]
    if (kept) return [[kept, ...children] as FormattedElement]
    const href = node.tagName === 'a' ? safeHref(node.properties.href) : null
    return href ? [['a', href, ...children]] : children
  })
}

/** http(s) addresses and paths of the site only: no `javascript:`, `data:`, nor `//host` (another site by any scheme). */
function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const href = value.trim()
  if (/^https?:\/\/[^\s]+$/i.test(href)) return href
  if (/^[/#?.\w-]/.test(href) && !href.startsWith('//') && !/^[\w+.-]+:/.test(href) && !/\s/.test(href)) return href
  return null
}

/** Neighbouring strings joined, so the runs stay few. */
function merge(runs: FormattedRun[]): FormattedRun[] {
  const merged: FormattedRun[] = []
  for (const run of runs) {
    const last = merged[merged.length - 1]
    if (typeof run === 'string' && typeof last === 'string') merged[merged.length - 1] = last + run
    else merged.push(run)
  }
  return merged
}

function trim(runs: FormattedRun[]): FormattedRun[] {
  const result = [...runs]
  if (typeof result[0] === 'string') result[0] = result[0].trimStart()
  const end = result.length - 1
  if (typeof result[end] === 'string') result[end] = (result[end] as string).trimEnd()
  return result.filter((run) => run !== '')
}
