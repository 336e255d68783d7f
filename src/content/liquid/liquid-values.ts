/**
 * Jekyll runs Liquid before markdown. Tags that produce a URL (`{% post_url %}`, `{% link %}`,
 * `{{ site.baseurl }}`, `{{ "/x" | relative_url }}`) usually stand inside a link destination, where
 * markdown allows no spaces: `[text]({% post_url 2019-02-15-x %})` is only a link once the tag is
 * replaced. So these, and only these, are resolved on the source text first, skipping `{% raw %}`
 * blocks as Jekyll does. A replacement never holds a newline, so every line keeps its number.
 * Everything else is left to `remark-liquid`.
 */
import { evaluateOutput, joinUrl, type LiquidContext } from './liquid-markup.ts'

export interface ValueProblem {
  offset: number
  reason: string
  fatal: boolean
}

/** Finds a post by what `post_url`/`link` name: `2019-02-15-learn-react` or `_posts/2019-02-15-learn-react.md`. */
export type PostResolver = (reference: string) => string | null

const RAW_BLOCK = /\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g
// Outputs on one line; the ones this app cannot evaluate are left for remark-liquid to report.
const VALUE_TAG = /\{%-?\s*(post_url|link)\s+([^%]*?)\s*-?%\}|\{\{-?\s*([^{}\n]+?)\s*-?\}\}/g

export function resolveLiquidValues(
  source: string,
  context: LiquidContext,
  resolvePost: PostResolver,
): { text: string; problems: ValueProblem[] } {
  const problems: ValueProblem[] = []
  const raw: Array<[number, number]> = [...source.matchAll(RAW_BLOCK)].map((match) => [match.index, match.index + match[0].length])
  const text = source.replace(VALUE_TAG, (whole, tag: string | undefined, reference: string | undefined, expression: string | undefined, offset: number) => {
    if (raw.some(([start, end]) => offset >= start && offset < end)) return whole
    if (tag) {
      const target = (reference ?? '').trim().replace(/^["']|["']$/g, '')
      const url = resolvePost(target)
      if (url === null) {
        problems.push({
          offset,
          reason: `\`{% ${tag} ${target} %}\` names no post of this blog. Check the file name (${tag === 'post_url' ? '`2019-02-15-my-post`, without `.md`' : '`_posts/2019-02-15-my-post.md`'})`,
          fatal: true,
        })
        return '#'
      }
      return joinUrl(context.basePath, url)
    }
    const value = evaluateOutput(expression ?? '', context)
    // `{{ "{{" }}` prints braces: left to remark-liquid, which keeps its result literal.
    return value === null || /[{}%]/.test(value) ? whole : value
  })
  return { text, problems }
}

/** A resolver over the blog's post files: their names (with or without folder and extension) -> `/blog/slug`. */
export function createPostResolver(entries: Iterable<{ name: string; slug: string }>): PostResolver {
  const byName = new Map<string, string>()
  for (const { name, slug } of entries) byName.set(normalizeReference(name), slug)
  return (reference) => {
    const slug = byName.get(normalizeReference(reference))
    return slug === undefined ? null : `/blog/${slug}/`
  }
}

function normalizeReference(reference: string): string {
  return reference.replace(/^.*[\\/]/, '').replace(/\.(md|markdown)$/i, '').toLowerCase()
}
