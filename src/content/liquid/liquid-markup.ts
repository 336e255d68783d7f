/**
 * Reads the inside of one Liquid markup string (as `liquid-syntax` recognized it) into its parts.
 * Pure and small on purpose: `remark-liquid` decides what each part means.
 */
export type LiquidMarkup =
  | { kind: 'output'; expression: string }
  | {
      kind: 'tag'
      name: string
      /** Everything after the name in the opening tag, trimmed: `elements/highlight.html text="x"`. */
      markup: string
      /** For an include: the file (`elements/highlight.html`); otherwise the first argument. */
      target: string
      /** `key="value"`, `key='value'` and `key=variable` pairs. */
      params: Record<string, LiquidValue>
      /** For paired tags, the text between the opening and the end tag; otherwise null. */
      body: string | null
    }

export type LiquidValue = { kind: 'string'; value: string } | { kind: 'variable'; value: string }

const OUTPUT = /^\{\{-?([\s\S]*?)-?\}\}$/
const TAG = /^\{%-?\s*([A-Za-z_]\w*)([\s\S]*?)-?%\}/
// Jekyll's include tag allows backslash-escaped quotes inside quoted values.
const PARAM = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']+))/g

export function parseLiquidMarkup(value: string): LiquidMarkup | null {
  const output = OUTPUT.exec(value)
  if (output) return { kind: 'output', expression: output[1]!.trim() }
  const tag = TAG.exec(value)
  if (!tag) return null
  const name = tag[1]!
  const markup = tag[2]!.trim()
  const rest = value.slice(tag[0].length)
  const end = new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}$`).exec(rest)
  return {
    kind: 'tag',
    name,
    markup,
    target: /^\S+/.exec(markup)?.[0] ?? '',
    params: parseParams(markup),
    body: end ? rest.slice(0, end.index) : null,
  }
}

function parseParams(markup: string): Record<string, LiquidValue> {
  const params: Record<string, LiquidValue> = {}
  for (const match of markup.matchAll(PARAM)) {
    const [, key, doubleQuoted, singleQuoted, bare] = match
    params[key!] =
      bare === undefined
        ? { kind: 'string', value: (doubleQuoted ?? singleQuoted ?? '').replace(/\\(["'\\])/g, '$1') }
        : { kind: 'variable', value: bare }
  }
  return params
}

/**
 * Reads the few output expressions a post can mean without a Jekyll site behind it:
 * `site.baseurl`, `site.url`, `"/path" | relative_url`, `"/path" | absolute_url`, `page.title`...
 * Returns null for anything else, which the caller reports.
 */
export function evaluateOutput(expression: string, context: LiquidContext): string | null {
  const [subject = '', ...filters] = expression.split('|').map((part) => part.trim())
  let value = evaluateSubject(subject, context)
  if (value === null) return null
  for (const filter of filters) {
    const name = /^\w+/.exec(filter)?.[0]
    if (name === 'relative_url') value = joinUrl(context.basePath, value)
    else if (name === 'absolute_url') value = /^[a-z][a-z\d+.-]*:/i.test(value) ? value : context.siteUrl.replace(/\/$/, '') + joinUrl(context.basePath, value)
    else if (name === 'escape' || name === 'xml_escape' || name === 'strip' || name === 'url_encode') value = value.trim()
    else return null
  }
  return value
}

export interface LiquidContext {
  /** The app's base path, `/` or `/my-blog/`. */
  basePath: string
  /** The site's origin, `https://example.com`, or '' when unknown. */
  siteUrl: string
  page: Record<string, string | undefined>
  site: Record<string, string | undefined>
}

function evaluateSubject(subject: string, context: LiquidContext): string | null {
  const literal = /^"([^"]*)"$|^'([^']*)'$/.exec(subject)
  if (literal) return literal[1] ?? literal[2] ?? ''
  if (subject === 'site.baseurl') return context.basePath.replace(/\/$/, '')
  if (subject === 'site.url') return context.siteUrl.replace(/\/$/, '')
  const variable = /^(site|page)\.(\w+)$/.exec(subject)
  if (variable) return context[variable[1] as 'site' | 'page'][variable[2]!] ?? null
  return null
}

export function joinUrl(basePath: string, path: string): string {
  if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(path)) return path
  return basePath.replace(/\/$/, '') + '/' + path.replace(/^\//, '')
}
