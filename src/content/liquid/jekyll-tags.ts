/**
 * Jekyll's tags that liquidjs does not have, and Jekyll's include as this app needs it:
 *
 * - `{% include %}`: the site's `_includes/` first, then the theme's (the app's own templates); a path
 *   with `..` or an absolute path is refused; an include found nowhere is left out with a warning and
 *   the text it was fed kept; includes nest at most `MAX_INCLUDE_DEPTH` deep.
 * - `{% include_relative %}`: only inside the site folder.
 * - `{% highlight lang [linenos] %}`: a fenced code block for the markdown phase to highlight.
 * - `{% post_url %}`, `{% link %}`: the app's URL of that post or page; a missing one is fatal, as in Jekyll.
 * - `{% gist id [file] %}`: a card linking to the gist (no third-party script).
 * - `{% theme_warning "..." %}`: the theme templates' way to report a bad parameter.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, dirname } from 'node:path'
import { CaptureTag, Hash, IncludeTag, Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken, type Template, type Parser } from 'liquidjs'
import { renderStateOf, reportAt } from './render-state.ts'
import { relativeUrl } from './jekyll-filters.ts'
import type { JekyllSite } from '../site/jekyll-site.ts'

export const MAX_INCLUDE_DEPTH = 16
const TEXT_PARAMS = ['text', 'content', 'caption', 'title', 'body']

export interface TagSettings {
  site: JekyllSite
  /** Every folder `{% include %}` searches, in order: the site's, then the theme's. */
  includeDirs: string[]
}

export function registerJekyllTags(liquid: Liquid, settings: TagSettings) {
  const { site, includeDirs } = settings
  const byReference = documentIndex(site)

  class JekyllInclude extends IncludeTag {
    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const state = renderStateOf(ctx)
      // liquidjs keeps the include's file and parameters private; they are read, never changed.
      const { file, hash } = this as unknown as { file: unknown; hash: Hash }
      const name = typeof file === 'string' ? file : null
      if (name === null || !isSafeIncludePath(name)) {
        reportAt(ctx, this.token, `\`${this.token.getText()}\` must name a file inside _includes (no \`..\`, no absolute path, no variable); it was left out`)
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
      if (!siteDir || !target || !isPathInside(siteDir, target) || !existsSync(target)) {
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

  class Highlight extends Tag {
    private templates: Template[] = []
    private info: string
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remain, liquid)
      this.info = token.args.trim().split(/\s+/).filter(Boolean).join(' ')
      while (remain.length) {
        const next = remain.shift()!
        if (next.kind === 4 && (next as TagToken).name === 'endhighlight') return
        this.templates.push(parser.parseToken(next, remain))
      }
      throw new Error(`tag ${token.getText()} not closed`)
    }
    *render(ctx: Context): Generator<unknown, string, unknown> {
      const body = String(yield this.liquid.renderer.renderTemplates(this.templates, ctx))
        .replace(/^[ \t]*\r?\n/, '')
        .replace(/\r?\n[ \t]*$/, '')
      const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((run) => run[0].length))
      const fence = '`'.repeat(Math.max(3, longest + 1))
      return `${fence}${this.info}\n${body}\n${fence}`
    }
  }

  const linkTag = (kind: 'post_url' | 'link') =>
    class extends Tag {
      *render(ctx: Context): Generator<unknown, string, unknown> {
        const reference = this.token.args.trim().replace(/^["']|["']$/g, '')
        const url = byReference(reference)
        if (url === null) {
          reportAt(
            ctx,
            this.token,
            `\`{% ${kind} ${reference} %}\` names no ${kind === 'post_url' ? 'post' : 'post or page'} of this blog. Check the file name (${kind === 'post_url' ? '`2019-02-15-my-post`, without `.md`' : '`_posts/2019-02-15-my-post.md`'})`,
            true,
          )
          return '#'
        }
        return relativeUrl(site.basePath, url)
      }
    }

  class Gist extends Tag {
    render(ctx: Context): string {
      // jekyll-gist embeds GitHub's script; a card with a link loads nothing from a third party.
      const [id = '', fileName] = this.token.args.trim().replace(/["']/g, '').split(/\s+/).filter(Boolean)
      if (!/^[\w-]+(\/[\w-]+)?$/.test(id)) {
        reportAt(ctx, this.token, `\`{% gist %}\` needs a gist id, found ${JSON.stringify(id)}; the tag was left out`)
        return ''
      }
      const href = `https://gist.github.com/${id}${fileName ? `#file-${fileName.replace(/[^\w-]/g, '-').toLowerCase()}` : ''}`
      return `<p class="gist-card" data-element="gist"><a href="${href}">View the gist ${escapeHtml(fileName ?? id.split('/').at(-1)!)} on GitHub</a></p>`
    }
  }

  class ThemeWarning extends Tag {
    *render(ctx: Context): Generator<unknown, string, unknown> {
      const parts = this.token.args.split(/,\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/)
      const values: string[] = []
      for (const [index, part] of parts.entries()) {
        const value = yield this.liquid._evalValue(part, ctx)
        values.push(index === 0 ? String(value ?? '') : JSON.stringify(value ?? ''))
      }
      reportAt(ctx, this.token, values.join(''))
      return ''
    }
  }

  liquid.registerTag('include', JekyllInclude)
  liquid.registerTag('capture', JekyllCapture)
  liquid.registerTag('include_relative', IncludeRelative)
  liquid.registerTag('highlight', Highlight)
  liquid.registerTag('post_url', linkTag('post_url'))
  liquid.registerTag('link', linkTag('link'))
  liquid.registerTag('gist', Gist)
  liquid.registerTag('theme_warning', ThemeWarning)
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

/** `post_url` and `link` names -> the app's URL: `2019-02-15-x`, `_posts/2019-02-15-x.md`, `about.md`. */
function documentIndex(site: JekyllSite): (reference: string) => string | null {
  const byName = new Map<string, string>()
  for (const document of site.documents) {
    byName.set(document.path.toLowerCase(), document.url)
    const stem = document.path.replace(/^.*\//, '').replace(/\.(md|markdown|html)$/i, '').toLowerCase()
    if (document.kind === 'post' && !byName.has(stem)) byName.set(stem, document.url)
  }
  return (reference) => {
    const key = reference.toLowerCase()
    return byName.get(key) ?? byName.get(key.replace(/^.*\//, '').replace(/\.(md|markdown|html)$/i, '')) ?? null
  }
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

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
