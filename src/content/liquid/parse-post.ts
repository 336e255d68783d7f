/**
 * Parses a post's Liquid. An unknown tag (a Jekyll plugin's) is registered to show as written and the
 * parse runs again. A syntax error inside code (where authors quote templates) keeps that code as
 * written; a tag or output Liquid cannot read elsewhere is kept as written (Jekyll's default
 * `error_mode: warn` goes on past it too); both with a warning. What is not closed (`{%`, `{{`, a block
 * without its end tag) is fatal, as it is for Jekyll, with a message that says what to add.
 */
import { Tag, type Context, type Liquid, type Template } from 'liquidjs'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { reportAt } from './render-state.ts'

/** Plugin tags that only add to the page's head or footer, which the app makes itself. */
const PAGE_PLUGIN_TAGS = new Set(['seo', 'feed_meta', 'github_edit_link', 'jekyll_seo', 'analytics'])

type Report = (offset: number, reason: string, fatal?: boolean) => void

/** The post's templates, and the code kept as written: each stand-in (same length) with its text. */
export function parsePost(liquid: Liquid, source: string, report: Report): { templates: Template[]; masks: Map<string, string> } {
  const masks = new Map<string, string>()
  let text = source
  let codeRanges: Array<[number, number]> | null = null
  const masked = new Set<number>()
  const keepAsWritten = (start: number, end: number) => {
    masked.add(start)
    const stand = maskOf(source, start, end, masks.size)
    masks.set(stand, source.slice(start, end))
    text = text.slice(0, start) + stand + text.slice(end)
  }
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      return { templates: liquid.parse(text), masks }
    } catch (error) {
      const reason = liquidReason(error)
      const unknownTag = /^tag "([^"]+)" not found/.exec(reason)?.[1]
      // An `{% endfor %}` without its `{% for %}` is not a plugin's tag: it is kept as written below.
      if (unknownTag && !unknownTag.startsWith('end')) {
        registerUnknownTag(liquid, unknownTag)
        continue
      }
      const offset = errorOffset(error)
      codeRanges ??= codeRangesOf(source)
      const code = codeRanges.find(([start, end]) => offset >= start && offset < end && !masked.has(start))
      if (code) {
        keepAsWritten(code[0], code[1])
        report(offset, `Liquid in this code cannot be read (${reason}); the code is shown as written. Wrap it in {% raw %}...{% endraw %}`)
        continue
      }
      const markup = isUnclosed(reason) ? null : enclosingMarkup(source, offset)
      if (markup && !masked.has(markup[0])) {
        keepAsWritten(markup[0], markup[1])
        report(markup[0], `Liquid cannot read \`${source.slice(markup[0], markup[1]).slice(0, 60)}\` (${reason}); it is shown as written. Fix it, or wrap it in {% raw %}...{% endraw %}`)
        continue
      }
      report(offset, syntaxProblem(error, reason, source, offset), true)
      return { templates: [] as Template[], masks }
    }
  }
  report(0, 'Too many Liquid problems in this post to read it; fix the first ones reported', true)
  return { templates: [] as Template[], masks }
}

function isUnclosed(reason: string): boolean {
  return /^(tag|output|raw) [\s\S]* not closed$/.test(reason)
}

/** The `{% ... %}` or `{{ ... }}` around `offset`, on one line or several; null when it has no end. */
function enclosingMarkup(source: string, offset: number): [number, number] | null {
  const start = source.startsWith('{', offset) && /^\{[{%]/.test(source.slice(offset, offset + 2)) ? offset : Math.max(source.lastIndexOf('{%', offset), source.lastIndexOf('{{', offset))
  if (start === -1) return null
  const closer = source[start + 1] === '{' ? '}}' : '%}'
  const end = source.indexOf(closer, start + 2)
  return end === -1 ? null : [start, end + 2]
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

export function liquidReason(error: unknown): string {
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
