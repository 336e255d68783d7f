/**
 * Jekyll's filters that liquidjs does not have (it has `where`, `where_exp`, `group_by`, `sort`,
 * `slugify`, `date_to_string`, `date_to_xmlschema`, `xml_escape`, `cgi_escape`, `uri_escape`,
 * `number_of_words`, `array_to_sentence_string`, `strip_html`... built in), and the few the app's theme
 * templates use.
 */
import type { Liquid } from 'liquidjs'

export interface FilterSettings {
  /** `/` or `/my-blog/`. */
  basePath: string
  /** `https://example.com`, no trailing slash. */
  siteUrl: string
  /** Markdown -> HTML, as the post pipeline reads markdown (Jekyll's `markdownify`). */
  markdownify: (markdown: string) => string
}

const YOUTUBE_ID = /^[\w-]{6,20}$/

export function registerJekyllFilters(liquid: Liquid, settings: FilterSettings) {
  const relative = (input: unknown) => relativeUrl(settings.basePath, text(input))
  liquid.registerFilter('relative_url', relative)
  liquid.registerFilter('absolute_url', (input: unknown) => {
    const value = text(input)
    return isAddress(value) ? value : settings.siteUrl + relative(value)
  })
  // Jekyll's groups are `{name, items, size}`; liquidjs's lack `size`, so `group.size` counted the hash's two keys.
  for (const name of ['group_by', 'group_by_exp']) {
    const builtIn = liquid.filters[name] as (this: unknown, ...args: unknown[]) => Generator<unknown, Array<{ name: unknown; items: unknown[] }>, unknown>
    liquid.registerFilter(name, function* (this: unknown, ...args: unknown[]) {
      const groups = yield* builtIn.apply(this, args)
      return groups.map((group) => ({ ...group, size: group.items.length }))
    })
  }
  liquid.registerFilter('markdownify', (input: unknown) => settings.markdownify(text(input)))
  liquid.registerFilter('inline_markdown', (input: unknown) => inlineHtml(settings.markdownify(text(input))))
  liquid.registerFilter('jsonify', (input: unknown) => JSON.stringify(input ?? null))
  // Typographic quotes are the markdown renderer's business here; the text stays as written.
  liquid.registerFilter('smartify', (input: unknown) => text(input))
  liquid.registerFilter('strip_each', (input: unknown) =>
    (Array.isArray(input) ? input : [input]).map((item) => text(item).trim()).filter(Boolean),
  )
  /** A YouTube id from an id or a video address; '' when it is neither (never an arbitrary URL). */
  liquid.registerFilter('youtube_id', (input: unknown) => {
    const first = text(input).trim().split(/[\s,]+/)[0] ?? ''
    const id = /(?:v=|youtu\.be\/|embed\/)([\w-]{6,20})/.exec(first)?.[1] ?? first
    return YOUTUBE_ID.test(id) ? id : ''
  })
  /** A YouTube playlist id from `videoseries?list=...` or a playlist address; '' otherwise. */
  liquid.registerFilter('youtube_list', (input: unknown) => /(?:^|[?&])list=([\w-]{10,64})(?:&|$)/.exec(text(input).trim())?.[1] ?? '')
}

export function relativeUrl(basePath: string, path: string): string {
  if (isAddress(path) || path.startsWith('#')) return path
  return basePath.replace(/\/$/, '') + '/' + path.replace(/^\//, '')
}

function isAddress(value: string): boolean {
  return /^[a-z][a-z\d+.-]*:|^\/\//i.test(value)
}

function text(input: unknown): string {
  return input === null || input === undefined ? '' : String(input)
}

/** `<p>x</p>` -> `x`: a caption or a list entry is a line of text, not a paragraph. */
function inlineHtml(html: string): string {
  const trimmed = html.trim()
  const paragraph = /^<p>([\s\S]*)<\/p>$/.exec(trimmed)
  return (paragraph && !paragraph[1]!.includes('<p>') ? paragraph[1]! : trimmed).replace(/\n/g, ' ')
}
