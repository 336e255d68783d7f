/**
 * The Liquid engine set up as Jekyll (liquidjs with `jekyllInclude`), made once per site and process:
 * Jekyll's tags and filters, `site.*` and `page.*`, the site's `_includes/` then the theme's, parsed
 * includes cached, and limits on every post's parse size, render time, memory and include depth.
 *
 * `renderLiquid` renders a whole post body first, as Jekyll does, before the markdown phase reads it;
 * with the output comes a `SourceMap` so the markdown phase's problems keep naming the post's own lines.
 * Problems are messages on the post's VFile; a fatal one is thrown.
 */
import { fileURLToPath } from 'node:url'
import { Context, Liquid, Tag, toValueSync, type Emitter, type Template } from 'liquidjs'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { fromMarkdown } from 'mdast-util-from-markdown'
import type { JekyllSite } from '../site/jekyll-site.ts'
import { registerJekyllFilters } from './jekyll-filters.ts'
import { registerJekyllTags } from './jekyll-tags.ts'
import { showUndefinedOutputsAsWritten } from './outputs-as-written.ts'
import { reportAt, setRenderState, type RenderState } from './render-state.ts'
import { siteVariables } from './site-variables.ts'
import { lineStarts, pointAt, SourceMap, type SourceSegment } from './source-map.ts'

/** The app's own copies of the theme's includes, searched after the site's `_includes/`. */
export const THEME_INCLUDES = fileURLToPath(new URL('./theme/', import.meta.url))

/** Render time a post may take, includes included. */
export const RENDER_LIMIT_MS = 5_000
/** Characters a post and its includes may parse to (liquidjs counts every `parse`). */
const PARSE_LIMIT = 50_000_000
/** Objects a post's render may create (arrays, joins, ranges...). */
const MEMORY_LIMIT = 100_000_000
/** Plugin tags that only add to the page's head or footer, which the app makes itself. */
const PAGE_PLUGIN_TAGS = new Set(['seo', 'feed_meta', 'github_edit_link', 'jekyll_seo', 'analytics'])

export interface LiquidEngine {
  liquid: Liquid
  site: Record<string, unknown>
}

export interface LiquidPage {
  /** `page.*`: the front matter with `title`, `url`, `date`... */
  variables: Record<string, unknown>
  /** The post's path as `{% link %}` names it, for `include_relative`. */
  path: string | null
}

export interface LiquidResult {
  text: string
  map: SourceMap
}

export function createLiquidEngine(site: JekyllSite, markdownify: (markdown: string) => string): LiquidEngine {
  showUndefinedOutputsAsWritten()
  const includeDirs = [...site.includeDirs, THEME_INCLUDES]
  const liquid = new Liquid({
    jekyllInclude: true,
    jekyllWhere: true,
    root: includeDirs,
    partials: includeDirs,
    relativeReference: false,
    cache: true,
    strictFilters: false,
    strictVariables: false,
    lenientIf: true,
    ownPropertyOnly: true,
    parseLimit: PARSE_LIMIT,
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
    timezoneOffset: 0,
  })
  registerJekyllFilters(liquid, { basePath: site.basePath, siteUrl: site.siteUrl, markdownify })
  registerJekyllTags(liquid, { site, includeDirs })
  return { liquid, site: siteVariables(site) }
}

export function renderLiquid(engine: LiquidEngine, file: VFile, page: LiquidPage): LiquidResult {
  const source = String(file.value)
  const starts = lineStarts(source)
  let fatal: VFileMessage | null = null
  const report = (offset: number, reason: string, isFatal = false) => {
    const message = file.message(reason, { place: pointAt(starts, offset), ruleId: 'liquid', source: 'jekyll-reader' })
    message.fatal = isFatal
    if (isFatal) fatal ??= message
  }
  const { templates, masks } = parsePost(engine, source, report)
  if (fatal) throw fatal

  const ctx = new Context({ site: engine.site, page: page.variables, jekyll: { environment: 'production' } }, engine.liquid.options, { sync: true })
  const state: RenderState = { report, includes: [], captures: [], path: page.path, warnedGithub: false }
  setRenderState(ctx, state)
  const emitter: Emitter & { buffer: string } = { buffer: '', write: (html: unknown) => void (emitter.buffer += stringify(html)) }
  const segments: SourceSegment[] = []
  for (const template of templates) {
    const token = template.token as { begin: number; trimLeft?: unknown; kind: number }
    const verbatim = typeof token.trimLeft === 'number'
    segments.push({ output: emitter.buffer.length, source: token.begin + (verbatim ? (token.trimLeft as number) : 0), verbatim })
    try {
      toValueSync(engine.liquid.renderer.renderTemplates([template], ctx, emitter))
    } catch (error) {
      report(token.begin, renderFailure(error), true)
      break
    }
    if (fatal) break
  }
  if (fatal) throw fatal
  let text = emitter.buffer
  for (const [masked, original] of masks) text = text.replace(masked, original)
  return { text, map: new SourceMap(segments, text, source) }
}

/**
 * Parses the post. An unknown tag is registered to show as written and the parse runs again; a syntax
 * error inside code (where authors quote templates) keeps that code as written, with a warning; any
 * other syntax error is fatal, as it is for Jekyll.
 */
function parsePost(engine: LiquidEngine, source: string, report: (offset: number, reason: string, fatal?: boolean) => void) {
  const masks = new Map<string, string>()
  let text = source
  let codeRanges: Array<[number, number]> | null = null
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      return { templates: engine.liquid.parse(text), masks }
    } catch (error) {
      const reason = liquidReason(error)
      const unknownTag = /^tag "([^"]+)" not found/.exec(reason)?.[1]
      if (unknownTag) {
        registerUnknownTag(engine.liquid, unknownTag)
        continue
      }
      const offset = errorOffset(error)
      codeRanges ??= codeRangesOf(source)
      const code = codeRanges.find(([start, end]) => offset >= start && offset < end && !masks.has(maskOf(source, start, end, masks.size)))
      if (code) {
        const [start, end] = code
        const masked = maskOf(source, start, end, masks.size)
        masks.set(masked, source.slice(start, end))
        text = text.slice(0, start) + masked + text.slice(end)
        report(offset, `Liquid in this code cannot be read (${reason}); the code is shown as written. Wrap it in {% raw %}...{% endraw %}`)
        continue
      }
      report(offset, syntaxProblem(error, reason, source, offset), true)
      return { templates: [] as Template[], masks }
    }
  }
  report(0, 'Too many Liquid problems in this post to read it; fix the first ones reported', true)
  return { templates: [] as Template[], masks }
}

function registerUnknownTag(liquid: Liquid, name: string) {
  const pagePlugin = PAGE_PLUGIN_TAGS.has(name)
  liquid.registerTag(
    name,
    class extends Tag {
      render(ctx: Context): string {
        if (pagePlugin) {
          reportAt(ctx, this.token, `\`{% ${name} %}\` (a Jekyll plugin's tag for the page around the post) was left out: the app makes that part of the page itself`)
          return ''
        }
        reportAt(ctx, this.token, `Unknown Liquid tag \`${this.token.getText()}\` is shown as written: it comes from a Jekyll plugin this app does not have. Remove it, or wrap it in {% raw %}...{% endraw %}`)
        return this.token.getText()
      }
    },
  )
}

/** A same-length stand-in for code that keeps its line breaks, so every offset and line stays put. */
function maskOf(source: string, start: number, end: number, index: number): string {
  const mark = String.fromCharCode(0xe000 + (index % 6000))
  return source.slice(start, end).replace(/[^\n]/g, mark)
}

function codeRangesOf(source: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const visit = (node: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
      ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0])
    }
    for (const child of (node.children ?? []) as Array<typeof node>) visit(child)
  }
  visit(fromMarkdown(source))
  return ranges
}

function liquidReason(error: unknown): string {
  const original = (error as { originalError?: Error }).originalError
  const message = original?.message ?? (error instanceof Error ? error.message : String(error))
  return message.replace(/, line:\d+, col:\d+[\s\S]*$/, '').split('\n')[0]!
}

function errorOffset(error: unknown): number {
  return (error as { token?: { begin?: number } }).token?.begin ?? 0
}

function syntaxProblem(error: unknown, reason: string, source: string, offset: number): string {
  // liquidjs places an unclosed `{% raw %}` after the tag; the author needs to see the tag.
  const start = source.startsWith('{', offset) ? offset : Math.max(0, source.lastIndexOf('{%', offset))
  const snippet = source.slice(start, start + 60).split('\n')[0]!.trim()
  if ((error as Error).name === 'TokenizationError' && /not closed$/.test(reason)) {
    const opener = reason.startsWith('output') ? '{{' : '{%'
    const closer = opener === '{%' ? '%}' : '}}'
    return `Unclosed \`${opener}\` in \`${snippet}\`: add the closing \`${closer}\`, or wrap literal braces in {% raw %}...{% endraw %}`
  }
  const block = /^tag (\{%-?\s*(\w+)[\s\S]*?%\}) not closed$/.exec(reason)
  if (block) return `Unclosed \`${block[1]}\` in \`${snippet}\`: add \`{% end${block[2]} %}\` after it, or wrap literal braces in {% raw %}...{% endraw %}`
  return `Liquid cannot read \`${snippet}\`: ${reason}. Fix the tag, or wrap it in {% raw %}...{% endraw %}`
}

function renderFailure(error: unknown): string {
  const reason = liquidReason(error)
  if (/limit exceeded/.test(reason)) {
    return `This post's Liquid went over a limit (${reason}: ${RENDER_LIMIT_MS} ms of render time, ${MEMORY_LIMIT} objects, ${PARSE_LIMIT} characters); the post was not rendered. Look for a loop or an include that never ends`
  }
  return `Liquid stopped in this post: ${reason}. Fix the tag here, or wrap it in {% raw %}...{% endraw %}`
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(stringify).join('')
  return String(value)
}
