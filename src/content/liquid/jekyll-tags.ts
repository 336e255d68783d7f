/**
 * Jekyll's tags that liquidjs does not have (the includes are in include-tags.ts):
 *
 * - `{% highlight lang [linenos] %}`: a fenced code block for the markdown phase to highlight.
 * - `{% post_url %}`, `{% link %}`: the app's URL of that post or page; a missing one is fatal, as in Jekyll.
 * - `{% gist id [file] %}`: a card linking to the gist (no third-party script).
 * - `{% theme_warning "..." %}`: the theme templates' way to report a bad parameter.
 */
import { Tag, type Context, type Liquid, type TagToken, type TopLevelToken, type Template, type Parser } from 'liquidjs'
import { reportAt } from './render-state.ts'
import { relativeUrl } from './jekyll-filters.ts'
import type { JekyllSite } from '../site/jekyll-site.ts'

export function registerJekyllTags(liquid: Liquid, site: JekyllSite) {
  const byReference = documentIndex(site)

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

  liquid.registerTag('highlight', Highlight)
  liquid.registerTag('post_url', linkTag('post_url'))
  liquid.registerTag('link', linkTag('link'))
  liquid.registerTag('gist', Gist)
  liquid.registerTag('theme_warning', ThemeWarning)
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

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
