/**
 * YAML front matter -> PostMeta. Recognizing the block (`splitFrontMatter`) and interpreting its data
 * (`readFrontMatter`) are separate steps. Problems are reported on the post's VFile with the line and
 * column of the offending value, so they print as `posts/x.md:3:7: reason`.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml'
import type { VFile } from 'vfile'
import { CARD_COLORS, type CardColor, type CardStyle } from '../../shared/post-data.ts'
import { parsePostDate, type PostDate } from './post-date.ts'

export interface FrontMatterBlock {
  /** The YAML text between the `---` lines, or null when the file has no front matter. */
  yaml: string | null
  /** 1-based line of the first YAML line. */
  yamlLine: number
  /** The markdown after the front matter. */
  body: string
  /** 1-based line in the file where `body` starts, so body positions can be mapped back. */
  bodyLine: number
  /** Blank lines stood before the opening `---` (Jekyll would not see the front matter). */
  leadingBlankLines: boolean
}

export interface PostMeta {
  title: string | null
  tags: string[]
  style: CardStyle | null
  color: CardColor | null
  description: string | null
  comments: boolean
  date: PostDate | null
  externalUrl: string | null
  image: string | null
  published: boolean
  permalink: string | null
  slug: string | null
  /** Every key as written, for Liquid's `page.*`. */
  frontMatter: Record<string, unknown>
  /** The series the post belongs to (`series: Measuring delivery`), and its place in it (`series_order`). */
  series: string | null
  seriesOrder: number | null
  /** The post's own language (`lang: en`), a canonical BCP 47 tag: set on its article, not the interface. */
  lang: string | null
}

const OPENING = /^---[ \t]*\r?\n/
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m

export function splitFrontMatter(source: string): FrontMatterBlock {
  const text = source.replace(/^\uFEFF/, '')
  const leading = /^(?:[ \t]*\r?\n)+/.exec(text)?.[0] ?? ''
  const rest = text.slice(leading.length)
  const opening = OPENING.exec(rest)
  const leadingLines = countLines(leading)
  if (opening) {
    const afterOpening = rest.slice(opening[0].length)
    // An empty block (`---\n---`) closes on the very first line.
    const closing = CLOSING.exec(afterOpening)
    if (closing) {
      const yaml = afterOpening.slice(0, closing.index)
      const body = afterOpening.slice(closing.index + closing[0].length)
      const yamlLine = leadingLines + 2
      return {
        yaml,
        yamlLine,
        body,
        bodyLine: yamlLine + countLines(yaml) + 1,
        leadingBlankLines: leading.length > 0,
      }
    }
  }
  return { yaml: null, yamlLine: 1, body: text, bodyLine: 1, leadingBlankLines: false }
}

const EMPTY_META: PostMeta = {
  title: null,
  tags: [],
  style: null,
  color: null,
  description: null,
  comments: false,
  date: null,
  externalUrl: null,
  image: null,
  published: true,
  permalink: null,
  slug: null,
  frontMatter: {},
  series: null,
  seriesOrder: null,
  lang: null,
}

/** Reads the front matter's fields; fatal problems (the post cannot be trusted) call `file.fail`. */
export function readFrontMatter(block: FrontMatterBlock, file: VFile): PostMeta {
  if (block.leadingBlankLines) {
    report(file, block.yamlLine - 1, 1, 'Blank lines before the front matter: Jekyll only reads front matter on the first line; delete the blank lines above `---`', 'front-matter-leading-blank')
  }
  if (block.yaml === null) return { ...EMPTY_META }

  const lineCounter = new LineCounter()
  const document = parseDocument(block.yaml, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false, // Psych, Jekyll's parser, keeps the last of duplicate keys
    version: '1.1', // Jekyll parses YAML 1.1: `yes`/`no` are booleans
    // Timestamps stay strings so a date keeps the author's calendar day and offset.
    customTags: (tags) => tags.filter((tag) => typeof tag === 'object' && tag.tag !== 'tag:yaml.org,2002:timestamp'),
  })
  const place = (offset: number | undefined) => {
    const position = lineCounter.linePos(offset ?? 0)
    // The parser reports some errors at the end of the text: point at the last YAML line, not past it.
    const lastLine = Math.max(1, countLines(block.yaml ?? ''))
    const line = Math.min(position.line, lastLine)
    return { line: block.yamlLine + line - 1, column: line === position.line ? position.col : 1 }
  }
  const firstError = document.errors[0]
  if (firstError) {
    const { line, column } = place(firstError.pos[0])
    fail(file, line, column, `Invalid YAML in front matter: ${firstError.message.split('\n')[0]}. Check the indentation and quote values that contain \`: \` or start with \`{\`, \`[\`, \`*\`, \`&\` or \`%\``, 'front-matter-yaml')
  }
  if (document.contents !== null && !isMap(document.contents)) {
    const { line, column } = place(document.contents.range?.[0])
    fail(file, line, column, 'Front matter must be `key: value` lines, found a single value. Write it as `title: My post`', 'front-matter-shape')
  }

  // maxAliasCount keeps "billion laughs" alias bombs from exploding (the library's default limit).
  let data: Record<string, unknown> = {}
  try {
    data = (document.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>
  } catch (error) {
    fail(file, block.yamlLine, 1, `Front matter cannot be read: ${(error as Error).message}. Write the values out instead of using aliases`, 'front-matter-yaml')
  }
  const field = (key: string) => new Field(document, data, key, place, file)
  const meta: PostMeta = { ...EMPTY_META, frontMatter: data }
  meta.title = field('title').text()
  meta.tags = [...field('tags').tagList(), ...field('tag').tagList()]
  meta.style = field('style').oneOf(['fill', 'border'] as const)
  meta.color = field('color').oneOf(CARD_COLORS)
  meta.description = field('description').text()
  meta.comments = field('comments').flag() ?? false
  meta.published = field('published').flag() ?? true
  meta.date = field('date').date()
  meta.externalUrl = field('external_url').url()
  meta.image = field('image').text()
  meta.permalink = field('permalink').text()
  meta.slug = field('slug').text()
  meta.series = field('series').text()
  meta.seriesOrder = field('series_order').number()
  meta.lang = field('lang').languageTag()
  return meta
}

/** One front matter key: its value and where it stands, with the rule for each kind of value. */
class Field {
  private readonly node: YamlNode | null
  private readonly value: unknown
  constructor(
    document: Document,
    data: Record<string, unknown>,
    private readonly key: string,
    private readonly place: (offset: number | undefined) => { line: number; column: number },
    private readonly file: VFile,
  ) {
    // The last pair with this key, as Psych keeps the last of duplicate keys; its value comes from
    // the whole document's data, so aliases (`title: *name`) resolve.
    const pairs = isMap(document.contents) ? document.contents.items : []
    const pair = pairs.findLast((item) => isScalar(item.key) && item.key.value === key)
    this.node = (pair?.value ?? null) as YamlNode | null
    this.value = pair ? data[key] : undefined
  }

  private where(node: YamlNode | null = this.node) {
    return this.place(node?.range?.[0])
  }

  private warn(reason: string, node?: YamlNode | null) {
    const { line, column } = this.where(node)
    report(this.file, line, column, reason, `front-matter-${this.key}`)
  }

  private fail(reason: string, node?: YamlNode | null): never {
    const { line, column } = this.where(node)
    return fail(this.file, line, column, reason, `front-matter-${this.key}`)
  }

  /** A string field; numbers are stringified, maps give their first string (e.g. a title per language). */
  text(): string | null {
    const value = this.value
    if (value === undefined || value === null) return null
    if (typeof value === 'string') return value.trim() === '' ? null : value.trim()
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    const firstString = findFirstString(value)
    this.warn(
      `\`${this.key}\` should be text, found ${describe(value)}; showing ${firstString === null ? 'nothing' : JSON.stringify(firstString)}. Write it as \`${this.key}: "..."\``,
    )
    return firstString
  }

  tagList(): string[] {
    const value = this.value
    if (value === undefined || value === null || value === '') return []
    // Jekyll splits a string on whitespace: `tags: leadership growth`.
    if (typeof value === 'string') return value.split(/\s+/).filter(Boolean)
    if (Array.isArray(value)) {
      const tags: string[] = []
      value.forEach((item, index) => {
        if (item === null || item === undefined) return
        if (typeof item !== 'string') {
          this.fail(
            `Each tag must be text, found ${describe(item)} in \`${this.key}\`. Quote it, for example \`${this.key}: ["${typeof item === 'object' ? 'Tag name' : String(item)}"]\``,
            isSeq(this.node) ? ((this.node.items[index] as YamlNode | undefined) ?? null) : this.node,
          )
        }
        if (item.trim()) tags.push(item.trim())
      })
      return tags
    }
    return this.fail(
      `\`${this.key}\` must be a list of text, found ${describe(value)}. Write \`${this.key}: [Leadership, Growth]\``,
    )
  }

  oneOf<const T extends string>(allowed: readonly T[]): T | null {
    const value = this.value
    if (value === undefined || value === null || value === '') return null
    const normalized = typeof value === 'string' ? value.trim().toLowerCase() : value
    if ((allowed as readonly unknown[]).includes(normalized)) return normalized as T
    this.warn(`Unknown \`${this.key}\` ${JSON.stringify(value)}, using the default. Use one of: ${allowed.join(', ')}`)
    return null
  }

  /** A number (`series_order: 2`); text that is not one is a warning, and the field is left unset. */
  number(): number | null {
    const value = this.value
    if (value === undefined || value === null || value === '') return null
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN
    if (Number.isFinite(number)) return number
    this.warn(`\`${this.key}\` should be a number, found ${describe(value)}; it is ignored. Write \`${this.key}: 2\``)
    return null
  }

  /** A BCP 47 language tag (`lang: pt-BR`), canonicalized; anything else is a warning and is ignored. */
  languageTag(): string | null {
    const text = this.text()
    if (text === null) return null
    try {
      const [tag] = Intl.getCanonicalLocales(text)
      if (tag) return tag
    } catch {
      // Not a tag: said below.
    }
    this.warn(`\`${this.key}: ${text}\` is not a language tag; it is ignored. Write a BCP 47 tag such as \`${this.key}: en\`, \`${this.key}: pt-BR\` or \`${this.key}: zh-Hant\``)
    return null
  }

  flag(): boolean | null {
    const value = this.value
    if (value === undefined || value === null) return null
    if (typeof value === 'boolean') return value
    if (value === 'true' || value === 'false') return value === 'true'
    this.warn(`\`${this.key}\` should be true or false, found ${describe(value)}`)
    return null
  }

  date(): PostDate | null {
    const value = this.value
    if (value === undefined || value === null || value === '') return null
    const parsed = typeof value === 'string' ? parsePostDate(value) : null
    if (!parsed) {
      this.fail(
        `Cannot read the date ${JSON.stringify(value)}. Write it as \`date: 2021-10-30\` or \`date: 2021-10-30 14:00:00 +0100\``,
      )
    }
    return parsed
  }

  url(): string | null {
    const text = this.text()
    if (text === null) return null
    if (/^https?:\/\//i.test(text)) return text
    this.warn(`\`${this.key}\` must be an http(s) address, found ${JSON.stringify(text)}; the post opens here instead`)
    return null
  }
}

function findFirstString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findFirstString(item)
      if (found) return found
    }
  } else if (value && typeof value === 'object') {
    return findFirstString(Object.values(value))
  }
  return null
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'nothing'
  if (typeof value === 'object') return 'a map of keys'
  if (typeof value === 'string') return JSON.stringify(value)
  return `the ${typeof value} ${String(value)}`
}

function countLines(text: string): number {
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
}

export function report(file: VFile, line: number, column: number, reason: string, ruleId: string) {
  const message = file.message(reason, { place: { line, column }, ruleId, source: 'jekyll-reader' })
  message.fatal = false
  return message
}

export function fail(file: VFile, line: number, column: number, reason: string, ruleId: string): never {
  return file.fail(reason, { place: { line, column }, ruleId, source: 'jekyll-reader' })
}
