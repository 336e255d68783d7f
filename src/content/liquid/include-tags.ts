/**
 * Jekyll's include tags as this app needs them:
 *
 * - `{% include %}`: the site's `_includes/` first, then the theme's (the app's own templates); a path
 *   with `..`, an absolute path or a symlink out of the folder is refused; an include found nowhere is
 *   left out with a warning and the text it was fed kept (Jekyll stops the build); includes nest at most
 *   `MAX_INCLUDE_DEPTH` deep.
 * - `{% capture %}`: as Liquid's, remembered so an include found nowhere can show what it was fed.
 * - `{% include_relative %}`: only inside the site folder.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { CaptureTag, Hash, IncludeTag, Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs'
import { renderStateOf, reportAt } from './render-state.ts'
import type { JekyllSite } from '../site/jekyll-site.ts'

export const MAX_INCLUDE_DEPTH = 16

/** The files `include_relative` looked for while `recordRelativeIncludes` runs (found or not). */
let relativeReads: Set<string> | null = null

/**
 * Runs `render` and returns the files `{% include_relative %}` read or looked for during it: the build
 * cache keys a post by their contents, since they are neither includes nor the post (build/cached-post.ts).
 */
export function recordRelativeIncludes<T>(render: () => T): { value: T; files: string[] } {
  const outer = relativeReads
  const reads = new Set<string>()
  relativeReads = reads
  try {
    return { value: render(), files: [...reads] }
  } finally {
    relativeReads = outer
    if (outer) for (const file of reads) outer.add(file)
  }
}
const TEXT_PARAMS = ['text', 'content', 'caption', 'title', 'body']

export interface IncludeSettings {
  site: JekyllSite
  /** Every folder `{% include %}` searches, in order: the site's, then the theme's. */
  includeDirs: string[]
}

export function registerIncludeTags(liquid: Liquid, { site, includeDirs }: IncludeSettings) {
  class JekyllInclude extends IncludeTag {
    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const state = renderStateOf(ctx)
      // liquidjs keeps the include's file and parameters private; they are read, never changed.
      const { file, hash } = this as unknown as { file: unknown; hash: Hash }
      // `{% include {{ page.sidebar }} %}`: Jekyll renders the name first; so is it checked here.
      const name = typeof file === 'string' ? file : Array.isArray(file) ? String(yield this.liquid.renderer.renderTemplates(file, ctx)).trim() : null
      if (name === null || !isSafeIncludePath(name)) {
        reportAt(ctx, this.token, `\`${this.token.getText()}\` must name a file inside _includes (no \`..\`, no absolute path); it was left out`)
        return
      }
      if (!includeDirs.some((dir) => isFileInside(dir, name))) {
        const params = (yield hash.render(ctx)) as Record<string, unknown>
        reportAt(ctx, this.token, `Include \`${name}\` is neither in the site's _includes nor in the theme; it was left out and the text it was fed kept. Add _includes/${name} to the site`)
        emitter.write(fedText(ctx, params))
        if (state) state.captures = []
        return
      }
      if (state && state.includes.length >= MAX_INCLUDE_DEPTH) {
        reportAt(ctx, this.token, `Includes nest more than ${MAX_INCLUDE_DEPTH} deep (\`${name}\` includes itself?); the post stops here. Break the include cycle`, true)
        return
      }
      state?.includes.push(this.token)
      try {
        yield* super.render(ctx, emitter) as Generator<unknown, void, unknown>
      } finally {
        state?.includes.pop()
        // What was captured before a known include was for it.
        if (state) state.captures = []
      }
    }
  }

  class JekyllCapture extends CaptureTag {
    override *render(ctx: Context): Generator<unknown, void, unknown> {
      yield* super.render(ctx) as Generator<unknown, void, unknown>
      // Only the post's own captures are fed to includes; an include's captures are its business.
      if (this.token.file === undefined) renderStateOf(ctx)?.captures.push(this.variable)
    }
  }

  class IncludeRelative extends Tag {
    private file: string
    private hash: Hash
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid)
      const match = /^\s*(\S+)/.exec(token.args)
      this.file = match?.[1] ?? ''
      this.tokenizer.p += (match?.[0].length ?? 0)
      this.hash = new Hash(this.tokenizer, '=')
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const state = renderStateOf(ctx)
      const siteDir = site.siteDir
      const from = state?.path ? dirname(state.path) : '.'
      const target = siteDir ? resolve(siteDir, from, this.file) : null
      // A file missing now may be added later: it is recorded as looked for.
      if (target) relativeReads?.add(target)
      if (!siteDir || !target || !existsSync(target) || !isPathInside(realpathSync(siteDir), realpathSync(target))) {
        reportAt(ctx, this.token, `\`${this.token.getText()}\` names no file inside the site folder${siteDir ? '' : ' (set SITE_DIR to read one)'}; it was left out`)
        return
      }
      const params = (yield this.hash.render(ctx)) as Record<string, unknown>
      const templates = this.liquid.parse(readFileSync(target, 'utf8'), target)
      ctx.push({ include: params })
      try {
        yield this.liquid.renderer.renderTemplates(templates, ctx, emitter)
      } finally {
        ctx.pop()
      }
    }
  }

  liquid.registerTag('include', JekyllInclude)
  liquid.registerTag('capture', JekyllCapture)
  liquid.registerTag('include_relative', IncludeRelative)
}

/** What an include found nowhere was fed: its text-like parameters and the captures made for it. */
function fedText(ctx: Context, params: Record<string, unknown>): string {
  const state = renderStateOf(ctx)
  const passed = new Set(Object.values(params).filter((value): value is string => typeof value === 'string'))
  const captured = (state?.captures ?? [])
    .map((name) => ctx.getSync([name]))
    .filter((value): value is string => typeof value === 'string' && !passed.has(value))
  const given = TEXT_PARAMS.map((key) => params[key]).filter((value): value is string => typeof value === 'string')
  return [...captured, ...given].join('\n')
}

function isSafeIncludePath(name: string): boolean {
  return name !== '' && !isAbsolute(name) && !/^[a-z]:/i.test(name) && !name.split(/[\\/]/).includes('..')
}

function isFileInside(dir: string, name: string): boolean {
  const path = join(dir, name)
  if (!existsSync(path)) return false
  // A symlink out of the folder is refused as `..` is.
  return isPathInside(realpathSync(dir), realpathSync(path))
}

function isPathInside(dir: string, path: string): boolean {
  const rel = relative(dir, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}
