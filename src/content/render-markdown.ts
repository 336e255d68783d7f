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
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { remarkLiquid } from './remark/remark-liquid.ts'
import { remarkKramdownIal } from './remark/remark-kramdown-ial.ts'
import type { LiquidContext } from './remark/liquid-markup.ts'
import { sanitizeSchema } from './sanitize-schema.ts'
import { rehypeMedia, type RehypeMediaOptions } from './rehype-media.ts'

export interface MarkdownOptions {
  liquid: LiquidContext
  media: RehypeMediaOptions
}

export function createPostProcessor(options: MarkdownOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkLiquid, { context: options.liquid })
    .use(remarkKramdownIal)
    .use(remarkGemoji)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeSlug)
    .use(rehypeMedia, options.media)
}

export type PostProcessor = ReturnType<typeof createPostProcessor>

/** Parses and transforms `file`'s value; problems land on `file.messages` (a fatal one throws). */
export function renderMarkdown(processor: PostProcessor, file: VFile): Root {
  return processor.runSync(processor.parse(file), file)
}
