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
import { Context, Liquid, toValueSync, type Emitter } from 'liquidjs'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { liquidReason, parsePost } from './parse-post.ts'
import type { JekyllSite } from '../site/jekyll-site.ts'
import { registerJekyllFilters } from './jekyll-filters.ts'
import { registerJekyllTags } from './jekyll-tags.ts'
import { registerIncludeTags } from './include-tags.ts'
import { showUndefinedOutputsAsWritten } from './outputs-as-written.ts'
import { setRenderState, type RenderState } from './render-state.ts'
import { siteVariables } from './site-variables.ts'
import { siteTimeZone, withSiteOffset } from '../site/site-time.ts'
import { lineStarts, pointAt, SourceMap, type SourceSegment } from './source-map.ts'

/** The app's own copies of the theme's includes, searched after the site's `_includes/`. */
export const THEME_INCLUDES = fileURLToPath(new URL('./theme/', import.meta.url))

/** Render time a post may take, includes included. */
export const RENDER_LIMIT_MS = 5_000
/**
 * Characters of a post Liquid reads. liquidjs's own `parseLimit` counts every parse of the engine's life
 * (every post of a worker), so the limit per post is checked here.
 */
export const POST_SIZE_LIMIT = 5_000_000
/** Objects a post's render may create (arrays, joins, ranges...). */
const MEMORY_LIMIT = 100_000_000

export interface LiquidEngine {
  liquid: Liquid
  site: Record<string, unknown>
}

/**
 * Liquid's date filters, given a date or timestamp written without an offset (`last_modified_at:
 * 2020-01-01`), read it in the site's time zone as Jekyll does, never in the build machine's (which
 * liquidjs would use).
 */
function registerSiteDates(liquid: Liquid, timeZone: string) {
  for (const name of ['date', 'date_to_xmlschema', 'date_to_rfc822', 'date_to_string', 'date_to_long_string']) {
    const filter = liquid.filters[name]
    if (typeof filter !== 'function') throw new Error(`liquidjs has no \`${name}\` filter function to read dates in the site's time zone`)
    liquid.registerFilter(name, function (this: unknown, value: unknown, ...args: unknown[]) {
      return filter.call(this as ThisParameterType<typeof filter>, withSiteOffset(value, timeZone), ...args)
    })
  }
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
  const timeZone = siteTimeZone(site.config)
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
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
    // Dates are formatted in their own offset, as Ruby formats a Time: `page.date` carries the site's
    // (site-time.ts), and the date filters give one to a date written without (registerSiteDates).
    timezoneOffset: timeZone,
    preserveTimezones: true,
  })
  registerJekyllFilters(liquid, { basePath: site.basePath, siteUrl: site.siteUrl, markdownify })
  registerSiteDates(liquid, timeZone)
  registerJekyllTags(liquid, site)
  registerIncludeTags(liquid, { site, includeDirs })
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
  if (source.length > POST_SIZE_LIMIT) {
    report(0, `This post is ${source.length} characters, more than the ${POST_SIZE_LIMIT} Liquid reads in one post; it was not rendered. Split it into several posts`, true)
    throw fatal
  }
  const { templates, masks } = parsePost(engine.liquid, source, report)
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

function renderFailure(error: unknown): string {
  const reason = liquidReason(error)
  if (/limit exceeded/.test(reason)) {
    return `This post's Liquid went over a limit (${reason}: ${RENDER_LIMIT_MS} ms of render time, ${MEMORY_LIMIT} objects); the post was not rendered. Look for a loop or an include that never ends`
  }
  return `Liquid stopped in this post: ${reason}. Fix the tag here, or wrap it in {% raw %}...{% endraw %}`
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(stringify).join('')
  return String(value)
}
