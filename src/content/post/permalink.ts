/**
 * A post's own `permalink` front matter, as Jekyll expands it, so links shared from the old site keep
 * working: `/:year/:month/:title/`, `my-post` (relative: Jekyll puts it at the site root) or a plain
 * path. Returns an app path with a leading slash, or null when the value cannot be a path here.
 */
const RESERVED = [/^\/$/, /^\/blog\/tags\/?$/, /^\/blog\/(archive|series)(\/|$)/, /^\/data\//, /^\/assets\//]

export function expandPermalink(permalink: string, post: { slug: string; date: string | null }): string | null {
  const [year = '', month = '', day = ''] = post.date?.split('-') ?? []
  const placeholders: Record<string, string> = {
    title: post.slug,
    slug: post.slug,
    name: post.slug,
    year,
    month,
    day,
    i_month: month ? String(Number(month)) : '',
    i_day: day ? String(Number(day)) : '',
    short_year: year.slice(2),
    categories: '',
    output_ext: '.html',
  }
  const expanded = permalink
    .trim()
    .replace(/:(\w+)/g, (whole, name: string) => placeholders[name] ?? whole)
    .replace(/^(?!\/)/, '/')
    .replace(/\/{2,}/g, '/')
  if (/^[a-z]+:|[?#\s]/i.test(permalink) || RESERVED.some((pattern) => pattern.test(expanded))) return null
  return expanded
}
