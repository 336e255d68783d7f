/**
 * remark plugin: kramdown's `markdown="1"` on an HTML block. CommonMark keeps an HTML block raw up to
 * the next blank line, so `<div markdown="1">` followed directly by markdown would show `**bold**`
 * literally; here the inside is parsed as markdown (with the post's own extensions) and the
 * `markdown` attribute dropped, as kramdown does.
 */
import { fromMarkdown } from 'mdast-util-from-markdown'
import type { Html, Root, RootContent } from 'mdast'
import type { Processor } from 'unified'
import type { VFile } from 'vfile'
import { SKIP, visit } from 'unist-util-visit'
import type { Extension as MicromarkExtension } from 'micromark-util-types'
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown'

const MARKDOWN_ATTRIBUTE = /\s+markdown\s*=\s*(?:"(?:1|block|span)"|'(?:1|block|span)'|1)/i
const WRAPPED = /^(<([a-z][\w-]*)\b[^>]*>)([\s\S]*?)(<\/\2\s*>)\s*$/i

export function remarkMarkdownInHtml(this: Processor) {
  const data = this.data() as { micromarkExtensions?: MicromarkExtension[]; fromMarkdownExtensions?: FromMarkdownExtension[] }
  return (tree: Root, file: VFile) => {
    // Only an HTML block with the attribute changes: a document without the word has none (the `=`
    // may be on the next line, after a quote's `>`).
    if (file.value !== undefined && !/markdown/i.test(String(file.value))) return
    visit(tree, 'html', (node: Html, index, parent) => {
      if (index === undefined || !parent || !MARKDOWN_ATTRIBUTE.test(node.value)) return
      const wrapped = WRAPPED.exec(node.value.trim())
      const open = (wrapped?.[1] ?? node.value).replace(MARKDOWN_ATTRIBUTE, '')
      if (!wrapped) {
        // The block ended at a blank line: what follows is markdown already; only the attribute goes.
        node.value = open
        return
      }
      const inner = fromMarkdown(wrapped[3]!, {
        extensions: data.micromarkExtensions ?? [],
        mdastExtensions: data.fromMarkdownExtensions ?? [],
      }).children
      inner.forEach((child) => visit(child, (descendant) => void (descendant.position = node.position)))
      const replacement: RootContent[] = [
        { type: 'html', value: open, position: node.position },
        ...inner,
        { type: 'html', value: wrapped[4]!, position: node.position },
      ]
      ;(parent.children as RootContent[]).splice(index, 1, ...replacement)
      return [SKIP, index + replacement.length]
    })
  }
}
