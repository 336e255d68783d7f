/**
 * The one markdown pipeline: a post body (markdown as Jekyll authors write it) -> a sanitized hast tree.
 * It runs at build time only; the browser and the prerenderer render the tree with `src/markdown`.
 */
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkGemoji from 'remark-gemoji'
import remarkRehype from 'remark-rehype'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeSlug from 'rehype-slug'
import rehypeHighlight from 'rehype-highlight'
import { rehypeToc } from './rehype/rehype-toc.ts'
import { rehypeHeadingLevels } from './rehype/rehype-heading-levels.ts'
import { rehypePassageIds } from './rehype/rehype-passage-ids.ts'
import type { Root } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import type { VFile } from 'vfile'
import { remarkLiquid } from '../liquid/remark-liquid.ts'
import { remarkMarkdownInHtml } from './remark/remark-markdown-in-html.ts'
import { remarkKramdownIal } from './remark/remark-kramdown-ial.ts'
import type { LiquidContext } from '../liquid/liquid-markup.ts'
import { sanitizeSchema } from './sanitize-schema.ts'
import { rehypeMedia, type RehypeMediaOptions } from './rehype/rehype-media.ts'
import { remarkKramdownMath } from './math/remark-kramdown-math.ts'
import { rehypeMathKatex } from './math/rehype-math-katex.ts'
import { resolveLiquidValues, type PostResolver } from '../liquid/liquid-values.ts'

export interface MarkdownOptions {
  liquid: LiquidContext
  media: RehypeMediaOptions
  /** Resolves `{% post_url %}` and `{% link %}`; without it every such tag is an error. */
  resolvePost?: PostResolver
}

/** What loading a post needs: the processor and the options it was made with. */
export interface PostPipeline {
  processor: PostProcessor
  options: MarkdownOptions
}

export function createPostPipeline(options: MarkdownOptions): PostPipeline {
  return { processor: createPostProcessor(options), options }
}

export function createPostProcessor(options: MarkdownOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMarkdownInHtml)
    .use(remarkLiquid, { context: options.liquid })
    .use(remarkKramdownIal)
    .use(remarkKramdownMath)
    .use(remarkGemojiIfUsed)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeMathKatex)
    // Highlighting runs here, at build time: readers download token classes and a small stylesheet.
    .use(rehypeHighlight, { detect: false, plainText: ['text', 'plain', 'txt', 'console', 'output', 'liquid', 'mermaid'] })
    .use(rehypeSlug)
    .use(rehypeHeadingLevels)
    .use(rehypeToc)
    .use(rehypePassageIds)
    .use(rehypeMedia, options.media)
}

export type PostProcessor = ReturnType<typeof createPostProcessor>

/** remark-gemoji, skipped in posts without a `:shortcode:`: its search visits every text node. */
function remarkGemojiIfUsed() {
  const transform = remarkGemoji()
  return (tree: MdastRoot, file: VFile) => {
    if (/:[+\w-]+:/.test(String(file.value))) transform(tree)
  }
}

/**
 * Renders `file`'s value (a post body whose lines are the file's lines): URL-valued Liquid first, as
 * Jekyll runs Liquid before markdown, then the markdown pipeline. Problems land on `file.messages`;
 * a fatal one throws (a VFileMessage) and the post has no body.
 */
export function renderBody(pipeline: PostPipeline, file: VFile): Root {
  const source = String(file.value)
  const page = (file.data as { page?: LiquidContext['page'] }).page ?? {}
  const context = { ...pipeline.options.liquid, page: { ...pipeline.options.liquid.page, ...page } }
  const values = resolveLiquidValues(source, context, pipeline.options.resolvePost ?? (() => null))
  file.value = values.text
  for (const problem of values.problems) {
    const message = file.message(problem.reason, { place: placeOf(source, problem.offset), ruleId: 'liquid-link', source: 'jekyll-reader' })
    message.fatal = problem.fatal
    if (problem.fatal) throw message
  }
  return pipeline.processor.runSync(pipeline.processor.parse(file), file)
}

function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: before.at(-1)!.length + 1 }
}
