/**
 * Jekyll prints nothing for `{{ page.nothing }}` and skips an unknown filter. A post that writes about
 * templates without `{% raw %}` would lose its text, so in the post's own text such an output is shown
 * as written, with a warning. In an include file it prints nothing, as in Jekyll (an include's optional
 * `include.*` parameters are the norm, and a reader should never see template code). A `site.*` setting
 * that `_config.yml` lacks is a plugin's data: empty, with a warning; `site.github.*` (GitHub Pages'
 * metadata) is empty, with one warning per post.
 *
 * liquidjs builds outputs itself (no tag to register), so its `Output.render` is wrapped once; renders
 * without this app's state (see render-state.ts) behave as liquidjs's own.
 */
import { Output, type Context, type Emitter } from 'liquidjs'
import { renderStateOf } from './render-state.ts'

type Render = (this: Output, ctx: Context, emitter: Emitter) => IterableIterator<unknown>

let installed = false

export function showUndefinedOutputsAsWritten() {
  if (installed) return
  installed = true
  const render = Output.prototype.render as Render
  Output.prototype.render = function* (this: Output, ctx: Context, emitter: Emitter) {
    const state = renderStateOf(ctx)
    if (!state) return yield* render.call(this, ctx, emitter)
    const written = this.token.getText()
    const inPost = this.token.file === undefined
    const place = inPost ? this.token.begin : (state.includes[0]?.begin ?? 0)
    const unknownFilter = this.value.filters.find((filter) => !(filter.name in (filter as unknown as { liquid: { filters: object } }).liquid.filters))
    if (unknownFilter) {
      state.report(place, `Unknown Liquid filter \`${unknownFilter.name}\` in \`${written}\`; ${inPost ? 'the output is shown as written' : 'it was skipped'}. Remove the filter, or wrap the text in {% raw %}...{% endraw %}`)
      if (inPost) {
        emitter.write(written)
        return
      }
    }
    const name = yield* undefinedInitial(this, ctx)
    // `{{ x | default: "y" }}` is how templates say a value may be missing.
    if (name === null || this.value.filters[0]?.name === 'default') return yield* render.call(this, ctx, emitter)
    if (/^site\.github\b/.test(name)) {
      if (!state.warnedGithub) state.report(place, `\`${written}\`: \`site.github\` (GitHub Pages' metadata) is not available outside GitHub Pages; it is empty`)
      state.warnedGithub = true
    } else if (name.startsWith('site.')) {
      // A site setting that _config.yml does not have is a plugin's (jekyll-github-metadata's `site.repository`...).
      state.report(place, `\`${written}\`: \`${name}\` is not in _config.yml (a Jekyll plugin's data?); it is empty. Add it to _config.yml`)
    } else if (inPost) {
      state.report(place, `\`${written}\`: \`${name}\` is not defined, so the output is shown as written. Define it in the front matter or _config.yml, or wrap the text in {% raw %}...{% endraw %}`)
      emitter.write(written)
    } else if (!name.startsWith('include.')) {
      state.report(place, `\`${written}\` in ${this.token.file}: \`${name}\` is not defined; it printed nothing`)
    }
  } as Render
}

/** The name of the output's first value when it is not defined (`page.nothing`), else null. */
function* undefinedInitial(output: Output, ctx: Context): Generator<unknown, string | null, unknown> {
  const strict = ctx.strictVariables
  ctx.strictVariables = true
  try {
    const initial = (output.value as unknown as { initial: { evaluate: (ctx: Context, lenient: boolean) => unknown } }).initial
    const value = initial.evaluate(ctx, false)
    const pending = value as { next?: unknown; then?: unknown } | null
    if (pending && (typeof pending.next === 'function' || typeof pending.then === 'function')) yield value
    return null
  } catch (error) {
    const name = undefinedVariable(error)
    if (name === null) throw error
    return name
  } finally {
    ctx.strictVariables = strict
  }
}

function undefinedVariable(error: unknown): string | null {
  const message = error instanceof Error ? error.message : ''
  if (!(error instanceof Error) || !/UndefinedVariable/.test(error.name)) return null
  return /undefined variable: ([^\s,]+)/.exec(message)?.[1] ?? '?'
}
