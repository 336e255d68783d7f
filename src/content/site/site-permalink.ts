/**
 * Jekyll's URL of a document, from `_config.yml`'s `permalink` (global, or a collection's own) or the
 * document's front matter: the URL a reader reached it at on the Jekyll site, so old links keep working.
 * Pure; follows Jekyll 4's `Jekyll::URL`, `Document#url_placeholders` and `Page#url_placeholders`.
 */
import { slugifyPretty } from '../post/file-name.ts'

/** Jekyll's built-in permalink styles (`permalink: pretty`). */
const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
}

/** What a post (or a collection's document) brings to its URL. */
export interface PostUrlFacts {
  /** The file's name without date and extension, or the front matter's `slug`. */
  title: string
  /** `YYYY-MM-DD`, and the time when the front matter has one; null for an undated document. */
  date: string | null
  time?: { hour: string; minute: string; second: string }
  categories: string[]
  /** For a collection's document: the collection's name and its path inside it, without extension. */
  collection?: string
  path?: string
}

/** `date`, `pretty`... -> its template; a template stays as it is. Unset: Jekyll's default, `date`. */
export function permalinkTemplate(permalink: unknown): string {
  if (typeof permalink !== 'string' || !permalink.trim()) return STYLES.date!
  return STYLES[permalink.trim()] ?? permalink.trim()
}

/** A post's or a collection document's Jekyll URL under `template` (a style name or a template). */
export function documentUrl(template: string, facts: PostUrlFacts): string {
  const [year = '', month = '', day = ''] = facts.date?.split('-') ?? []
  const dayOfYear = facts.date ? ordinalDay(facts.date) : ''
  const placeholders: Record<string, string> = {
    year,
    month,
    day,
    i_month: month ? String(Number(month)) : '',
    i_day: day ? String(Number(day)) : '',
    short_year: year.slice(2),
    y_day: dayOfYear,
    hour: facts.time?.hour ?? '00',
    minute: facts.time?.minute ?? '00',
    second: facts.time?.second ?? '00',
    title: slugifyPretty(facts.title),
    // Jekyll's default slugify mode: lower case, every run of other characters a hyphen.
    slug: defaultSlugify(facts.title),
    name: defaultSlugify(facts.path?.replace(/^.*\//, '') ?? facts.title),
    categories: facts.categories.map((category) => category.toLowerCase()).join('/'),
    collection: facts.collection ?? 'posts',
    path: facts.path ?? facts.title,
    output_ext: '.html',
  }
  return cleanUrl(fill(permalinkTemplate(template), placeholders))
}

/** A page's Jekyll URL: its own `permalink` (with `:path`, `:basename`), else its place in the folder. */
export function pageUrl(relativePath: string, ownPermalink: string | null, globalTemplate: string): string {
  const dir = relativePath.includes('/') ? relativePath.replace(/\/[^/]*$/, '') : ''
  const basename = relativePath.replace(/^.*\//, '').replace(/\.[^.]*$/, '')
  const outputExt = /\.(md|markdown|html?)$/i.test(relativePath) ? '.html' : (/\.[^./]+$/.exec(relativePath)?.[0] ?? '')
  const placeholders = { path: dir ? `/${dir}` : '', basename, output_ext: outputExt }
  if (ownPermalink) return cleanUrl(fill(ownPermalink, placeholders))
  // As Jekyll's Page#template: `pretty` (or a global template ending in `/`) gives folders, index files
  // their folder.
  const pretty = permalinkTemplate(globalTemplate).endsWith('/')
  if (basename === 'index' && outputExt === '.html') return cleanUrl(`/${dir}/`)
  if (pretty && outputExt === '.html') return cleanUrl(`/${dir}/${basename}/`)
  return cleanUrl(`/${dir}/${basename}${outputExt}`)
}

/** The file a URL is written to under `dist/`: `/a/` -> `a/index.html`, `/a.html` as is, `/a` -> `a/index.html`. */
export function fileOfUrl(url: string): string {
  const path = decodeURIComponent(url).replace(/^\/+/, '')
  if (path === '' || path.endsWith('/')) return `${path}index.html`
  if (/\.[a-z0-9]+$/i.test(path)) return path
  return `${path}/index.html`
}

function fill(template: string, placeholders: Record<string, string>): string {
  return template.replace(/:([a-z_]+)/g, (whole, name: string) => placeholders[name] ?? whole)
}

/** Jekyll's `URL#sanitize_url`: one slash between parts, a leading slash, no `..`. */
function cleanUrl(url: string): string {
  const parts = url.split('/').filter((part) => part !== '..' && part !== '.')
  return `/${parts.join('/')}`.replace(/\/{2,}/g, '/')
}

export function defaultSlugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
}

function ordinalDay(date: string): string {
  const start = Date.UTC(Number(date.slice(0, 4)), 0, 1)
  const day = Math.floor((Date.parse(`${date}T00:00:00Z`) - start) / 86_400_000) + 1
  return String(day).padStart(3, '0')
}
