/**
 * The one markdown pipeline: a post body (markdown as Jekyll authors write it) -> a sanitized hast tree.
 * It runs at build time only; the browser and the prerenderer render the tree with `src/markdown`.
 */
import { unified, type Preset } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkGemoji from 'remark-gemoji'
import remarkRehype from 'remark-rehype'
import { rehypeRawWhereNeeded } from './rehype/rehype-raw-where-needed.ts'
import rehypeParse from 'rehype-parse'
import rehypeSanitize from 'rehype-sanitize'
import rehypeSlug from 'rehype-slug'
import rehypeHighlight from 'rehype-highlight'
import { all as everyLanguage } from 'lowlight'
import { rehypeToc } from './rehype/rehype-toc.ts'
import { rehypeHeadingLevels } from './rehype/rehype-heading-levels.ts'
import { rehypePassageIds } from './rehype/rehype-passage-ids.ts'
import type { Root } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import type { VFile } from 'vfile'
import { toHtml } from 'hast-util-to-html'
import { remarkMarkdownInHtml } from './remark/remark-markdown-in-html.ts'
import { remarkKramdownIal } from './remark/remark-kramdown-ial.ts'
import { remarkAutolinkLiteralsWhereUsed } from './remark/remark-autolink-literals-where-used.ts'
import { sanitizeSchema } from './sanitize-schema.ts'
import { MAX_NESTING, tooDeepLine } from './nesting-depth.ts'
import { rehypeMedia, type RehypeMediaOptions } from './rehype/rehype-media.ts'
import { rehypeSafeIds } from './rehype/rehype-safe-ids.ts'
import { rehypeAuthorClasses } from './rehype/rehype-author-classes.ts'
import { rehypeNamedAnchors } from './rehype/rehype-named-anchors.ts'
import type { JekyllSite } from '../site/jekyll-site.ts'
import { createLiquidEngine, renderLiquid, type LiquidEngine, type LiquidPage } from '../liquid/jekyll-liquid.ts'
import type { SourceMap } from '../liquid/source-map.ts'
import { separateHeadingsAfterBreaks } from './heading-after-break.ts'
import { remarkKramdownMath } from './math/remark-kramdown-math.ts'
import { rehypeMathKatex } from './math/rehype-math-katex.ts'

export interface MarkdownOptions {
  /** The site the posts belong to: `site.*`, its includes, and its posts for `post_url` and `link`. */
  site: JekyllSite
  media: RehypeMediaOptions
}

/** What loading a post needs: the processor, the Liquid engine, and the options they were made with. */
export interface PostPipeline {
  processor: PostProcessor
  /** For `.html` posts and pages, which Jekyll runs through Liquid only, never through markdown. */
  htmlProcessor: HtmlProcessor
  liquid: LiquidEngine
  options: MarkdownOptions
}

/** Made once per process (a build worker, the dev server): the Liquid engine caches parsed includes. */
export function createPostPipeline(options: MarkdownOptions): PostPipeline {
  return { processor: createPostProcessor(options), htmlProcessor: createHtmlProcessor(options), liquid: createLiquidEngine(options.site, markdownify), options }
}

export function createPostProcessor(options: MarkdownOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkAutolinkLiteralsWhereUsed)
    .use(remarkMarkdownInHtml)
    .use(remarkKramdownIal)
    .use(remarkKramdownMath)
    .use(remarkGemojiIfUsed)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRawWhereNeeded)
    .use(rehypeSteps(options))
}

/**
 * An `.html` document is HTML as it is: Jekyll gives it to Liquid and writes the result, so an indented
 * `<select>` stays a select, not the code block markdown would make of four spaces (huxpro.github.io's
 * about page). Then the same steps as a markdown post's HTML: sanitized, highlighted, ids made safe.
 */
export function createHtmlProcessor(options: MarkdownOptions) {
  return unified().use(rehypeParse, { fragment: true }).use(rehypeSteps(options))
}

export type HtmlProcessor = ReturnType<typeof createHtmlProcessor>

/** Whether a document's file is HTML, read without markdown (Jekyll's rule: by its extension). */
export function isHtmlDocument(path: string | undefined): boolean {
  return /\.html?$/i.test(path ?? '')
}

/** What every document's HTML goes through, from markdown or written as HTML, untrusted either way. */
function rehypeSteps(options: MarkdownOptions): Preset {
  return {
    plugins: [
      [rehypeSanitize, sanitizeSchema],
      rehypeAuthorClasses,
      rehypeMathKatex,
      // Highlighting runs here, at build time: readers download token classes and a small stylesheet. So
      // every language highlight.js knows (192, not the 37 "common" ones: real blogs write haskell, coq,
      // applescript) costs the reader nothing, and the build about 50 ms a process to register them.
      [rehypeHighlight, { languages: everyLanguage, detect: false, plainText: ['text', 'plain', 'txt', 'console', 'output', 'liquid', 'mermaid'] }],
      rehypeSlug,
      rehypeNamedAnchors,
      rehypeHeadingLevels,
      rehypeToc,
      rehypePassageIds,
      [rehypeMedia, options.media],
      // Last, after every plugin that sets an id.
      rehypeSafeIds,
    ],
  }
}

export type PostProcessor = ReturnType<typeof createPostProcessor>

/** remark-gemoji, skipped in posts without a `:shortcode:`: its search visits every text node. */
function remarkGemojiIfUsed() {
  const transform = remarkGemoji()
  return (tree: MdastRoot, file: VFile) => {
    if (/:[+\w-]+:/.test(String(file.value))) transform(tree)
  }
}

const markdownifyProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true })

/**
 * Jekyll's `markdownify`: HTML for Liquid to place in the post. The post's own pipeline reads it again
 * (sanitizing it), so here raw HTML stays raw. A blank line would end the HTML block it lands in, so
 * blank lines (only ever inside `<pre>`) get an empty comment, which sanitizing removes.
 */
export function markdownify(markdown: string): string {
  const tree = markdownifyProcessor.runSync(markdownifyProcessor.parse(markdown))
  return toHtml(tree, { allowDangerousHtml: true }).replace(/\n(?=\n)/g, '\n<!---->')
}

/**
 * Renders `file`'s value (a post body whose lines are the file's lines): the whole body through Liquid
 * first, as Jekyll does, then the markdown pipeline on Liquid's output. `file.data.page` is `page.*`.
 * Problems land on `file.messages`, at the post's own lines; a fatal one throws (a VFileMessage) and the
 * post has no body.
 */
export function renderBody(pipeline: PostPipeline, file: VFile): Root {
  const page = (file.data as { page?: LiquidPage }).page ?? { variables: {}, path: null }
  refuseTooDeep(file, String(file.value), null)
  const liquid = renderLiquid(pipeline.liquid, file, page)
  const first = file.messages.length
  const html = isHtmlDocument(file.path)
  let map = liquid.map
  if (html) {
    file.value = liquid.text
  } else {
    const separated = separateHeadingsAfterBreaks(liquid.text)
    if (separated.inserted.length > 0) map = liquid.map.withLineBreaks(separated.inserted, separated.text)
    file.value = separated.text
    // Before Liquid too: a post nested thousands of levels deep is megabytes of indentation to render.
    refuseTooDeep(file, separated.text, map)
  }
  try {
    // rehype-parse gives a hast Root, which the steps keep one (unified's presets lose that type).
    return html ? (pipeline.htmlProcessor.runSync(pipeline.htmlProcessor.parse(file), file) as Root) : pipeline.processor.runSync(pipeline.processor.parse(file), file)
  } finally {
    for (const message of file.messages.slice(first)) placeInSource(message, map)
    mergeUnknownLanguages(file, first)
  }
}

/**
 * rehype-highlight reports an unknown language at every block that names it: a post of 30 `coq` blocks
 * gave 30 lines of warning. One message a language, at its first block, counting the others and saying
 * what the reader gets and how to change it.
 */
function mergeUnknownLanguages(file: VFile, first: number) {
  const byLanguage = new Map<string, { message: VFile['messages'][number]; count: number }>()
  const kept = file.messages.slice(0, first)
  for (const message of file.messages.slice(first)) {
    const language = message.ruleId === 'missing-language' ? /`([^`]*)`/.exec(message.reason)?.[1] : undefined
    if (language === undefined) {
      kept.push(message)
      continue
    }
    const seen = byLanguage.get(language)
    if (seen) {
      seen.count += 1
      continue
    }
    byLanguage.set(language, { message, count: 1 })
    kept.push(message)
  }
  for (const [language, { message, count }] of byLanguage) {
    const blocks = count > 1 ? `${count} code blocks name` : 'A code block names'
    message.reason = `${blocks} \`${language}\`, a language the highlighter does not know: shown as plain text. Name a language of highlight.js (https://highlightjs.org/#usage) or \`text\` to silence this`
    message.message = message.reason
  }
  file.messages.splice(0, file.messages.length, ...kept)
}

/** Lists or quotes nested deeper than any real post are refused before parsing: the parser's time is cubic in depth. */
function refuseTooDeep(file: VFile, markdown: string, map: SourceMap | null) {
  const tooDeep = tooDeepLine(markdown)
  if (!tooDeep) return
  const place = { line: tooDeep.line, column: 1 }
  const message = file.message(`Lists or quotes nested about ${tooDeep.depth} levels deep here; at most ${MAX_NESTING} are read, as deeper ones take the parser minutes. Flatten the list`, {
    place: map ? map.toSource(place) : place,
    ruleId: 'nesting-depth',
    source: 'jekyll-reader',
  })
  message.fatal = true
  throw message
}

/** A markdown-phase message names a place in Liquid's output; authors need the place in their file. */
function placeInSource(message: VFile['messages'][number], map: SourceMap) {
  if (message.line === undefined || message.column === undefined) return
  const start = map.toSource({ line: message.line, column: message.column })
  message.line = start.line
  message.column = start.column
  message.place = start
}
