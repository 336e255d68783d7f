/**
 * Jekyll's rules for a post's file name: `YYYY-MM-DD-slug.md` gives the date and the slug.
 * One-digit months and days (`2021-10-6-x.md`) are accepted, as Jekyll's own pattern is `\d{1,2}`.
 */
export interface PostFileName {
  /** `YYYY-MM-DD`, zero-padded, or null when the name carries no date. */
  date: string | null
  /** The name without date and extension, as Jekyll's `:title` placeholder uses it. */
  slug: string
}

const POST_EXTENSIONS = ['.md', '.markdown'] as const
/** Jekyll publishes HTML posts too; a site folder's `_posts` is read with them. */
const HTML_EXTENSIONS = ['.html', '.htm'] as const
const DATED_NAME = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$/

export function isPostFile(fileName: string, options: { html?: boolean } = {}): boolean {
  const lower = fileName.toLowerCase()
  const extensions = options.html ? [...POST_EXTENSIONS, ...HTML_EXTENSIONS] : POST_EXTENSIONS
  return !fileName.startsWith('.') && extensions.some((extension) => lower.endsWith(extension))
}

export function parsePostFileName(fileName: string): PostFileName {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(md|markdown|html?)$/i, '')
  const dated = DATED_NAME.exec(base)
  if (dated) {
    const [, year, month, day, rest] = dated as unknown as [string, string, string, string, string]
    const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
    if (isRealCalendarDate(date)) return { date, slug: slugifyPretty(rest) }
  }
  return { date: null, slug: slugifyPretty(base) }
}

/**
 * Jekyll's `slugify(mode: "pretty", cased: true)`: keeps case and the URL-safe punctuation Jekyll keeps,
 * turns every other run of characters into one hyphen. Non-ASCII letters stay (Jekyll keeps them too).
 */
export function slugifyPretty(text: string): string {
  return text
    .replace(/[^\p{L}\p{N}._~!$&'()+,;=@-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
}

/** Jekyll's `titleize_slug`: the title a post gets when its front matter has none. */
export function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
}

function isRealCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date)
}
