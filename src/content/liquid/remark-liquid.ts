/**
 * remark plugin: Jekyll's Liquid, interpreted the way a portfolYOU site renders it.
 *
 * - `{% include elements/highlight.html text="..." %}` -> `<mark>` (markdown and HTML in `text` kept)
 * - `{% include elements/figure.html image="" caption="" alt="" %}` -> `<figure>`
 * - `{% raw %}` shown literally, `{% comment %}` removed, `{% highlight lang %}` -> a code block
 * - `{% capture name %}` stored for the include or `{{ name }}` that uses it
 * - `{{ site.baseurl }}`, `{{ "/x" | relative_url }}`, `{{ page.title }}`... resolved
 * - anything else: removed, its inner text kept, and a warning naming the line and the construct.
 *
 * Unclosed `{%`/`{{` is a fatal problem for the post, as it is for Jekyll.
 *
 * Options: `context` (base path, site URL, page and site variables), `elements` (handlers for
 * further theme includes, keyed by file name, e.g. `elements/video.html`).
 */
import { fromMarkdown } from 'mdast-util-from-markdown'
import type { Code, Nodes, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast'
import type { Data, Processor } from 'unified'
import type { VFile } from 'vfile'
import { SKIP, visit } from 'unist-util-visit'
import type { Position } from 'unist'
import type { Extension as MicromarkExtension } from 'micromark-util-types'
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown'
import { liquidSyntax } from './liquid-syntax.ts'
import { liquidFromMarkdown, type Liquid } from './liquid-mdast.ts'
import { evaluateOutput, parseLiquidMarkup, type LiquidContext, type LiquidValue } from './liquid-markup.ts'
import { elementNode, type ElementNode } from './element-node.ts'
import { themeElements } from './theme-elements.ts'

export interface RemarkLiquidOptions {
  context: LiquidContext
  /** Extra `{% include %}` handlers by file name; they win over the built-in ones. */
  elements?: Record<string, IncludeHandler>
}

export interface IncludeContext {
  params: Record<string, LiquidValue>
  /** Parses text as markdown phrasing (with the post's own extensions). */
  phrasing: (text: string) => PhrasingContent[]
  /** Parses text as markdown blocks. */
  blocks: (text: string) => RootContent[]
  /** A `{% capture %}` taken by this include, marked as used. */
  takeCapture: (name: string) => string | null
  warn: (reason: string) => void
}

export type IncludeHandler = (include: IncludeContext) => { node: ElementNode | PhrasingContent; block: boolean } | null

const BLOCK_ONLY = new Set(['highlight', 'capture'])

export function remarkLiquid(this: Processor, options: RemarkLiquidOptions) {
  const data = this.data() as Data & {
    micromarkExtensions?: MicromarkExtension[]
    fromMarkdownExtensions?: FromMarkdownExtension[]
  }
  const syntax = liquidSyntax()
  ;(data.micromarkExtensions ??= []).push(syntax)
  ;(data.fromMarkdownExtensions ??= []).push(liquidFromMarkdown())

  return (tree: Root, file: VFile) => {
    // `page.*` differs per post: the caller puts the front matter on `file.data.page`.
    const page = (file.data as { page?: LiquidContext['page'] }).page ?? {}
    const context: LiquidContext = { ...options.context, page: { ...options.context.page, ...page } }
    const captures = new Map<string, { body: string; used: boolean }>()
    const parse = (text: string, position: Position | undefined, withLiquid = true) => {
      const root = fromMarkdown(text, {
        extensions: (data.micromarkExtensions ?? []).filter((extension) => withLiquid || extension !== syntax),
        mdastExtensions: data.fromMarkdownExtensions ?? [],
      })
      // Nested text has positions of its own string; point them at the tag so problems name the right line.
      visit(root, (node) => {
        node.position = position
      })
      return root.children
    }
    const phrasing = (text: string, position: Position | undefined): PhrasingContent[] => {
      const blocks = parse(text, position)
      // A lone tag such as `<img ...>` parses as an HTML block; inside a highlight it is inline HTML.
      return blocks.flatMap((block) => (block.type === 'paragraph' ? block.children : block.type === 'html' ? [block] : []))
    }
    const warn = (node: Liquid, reason: string) => {
      const message = file.message(reason, { place: node.position, ruleId: 'liquid', source: 'jekyll-reader' })
      message.fatal = false
    }
    const elements = { ...themeElements, ...options.elements }

    liftLoneTags(tree)
    visit(tree, 'liquid', (node, index, parent) => {
      if (index === undefined || !parent) return
      const replacement = interpret(node, parent)
      replaceWith(parent, index, replacement)
      // Go on from what replaced the tag: parsed captures and highlight text may hold Liquid of their own.
      return [SKIP, index]
    })

    trimEdges(tree)
    unwrapRawInCode(tree)

    // Raw HTML is not parsed for markdown, so Liquid in it cannot become components: never shown raw.
    visit(tree, 'html', (node) => {
      if (!/\{%|\{\{/.test(node.value)) return
      const message = file.message('Liquid inside an HTML block is not rendered and was left out; move it out of the HTML, or use markdown="1"', {
        place: node.position,
        ruleId: 'liquid-in-html',
        source: 'jekyll-reader',
      })
      message.fatal = false
      node.value = node.value.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, '')
    })

    visit(tree, 'text', (node) => {
      if (node.data && 'liquidRaw' in node.data) return
      const unclosed = /\{%|\{\{/.exec(node.value)
      if (!unclosed) return
      const opener = unclosed[0]
      const closer = opener === '{%' ? '%}' : '}}'
      const snippet = node.value.slice(unclosed.index, unclosed.index + 60).split('\n')[0]!.trim()
      file.fail(
        `Unclosed \`${opener}\` in \`${snippet}\`: add the closing \`${closer}\`, or wrap literal braces in {% raw %}...{% endraw %}`,
        { place: node.position, ruleId: 'liquid-unclosed', source: 'jekyll-reader' },
      )
    })

    /** `text=page.title` or `text=captured`: a variable's value, as Jekyll would pass it. */
    function resolveParams(params: Record<string, LiquidValue>, node: Liquid): Record<string, LiquidValue> {
      return Object.fromEntries(
        Object.entries(params).map(([key, value]) => {
          if (value.kind === 'string' || value.value === 'true' || value.value === 'false') return [key, value]
          const captured = captures.get(value.value)
          if (captured) {
            captured.used = true
            return [key, { kind: 'string', value: captured.body.trim() }]
          }
          const evaluated = evaluateOutput(value.value, context)
          if (evaluated === null) warn(node, `\`${key}=${value.value}\` names a variable this blog cannot know; it is left empty`)
          return [key, { kind: 'string', value: evaluated ?? '' }]
        }),
      )
    }

    function interpret(node: Liquid, parent: Parent): { nodes: RootContent[]; block: boolean } {
      const markup = parseLiquidMarkup(node.value)
      const position = node.position
      if (!markup) {
        warn(node, `Unreadable Liquid \`${node.value.slice(0, 40)}\` was left out`)
        return { nodes: [], block: false }
      }
      if (markup.kind === 'output') {
        const captured = captures.get(markup.expression)
        if (captured) {
          captured.used = true
          return { nodes: parse(captured.body, position), block: true }
        }
        const value = evaluateOutput(markup.expression, context)
        if (value === null) {
          warn(node, `Unknown Liquid output \`${node.value}\` was left out: only site.baseurl, site.url, page and site fields and the relative_url/absolute_url filters are known`)
          return { nodes: [], block: false }
        }
        return { nodes: [text(value, position, true)], block: false }
      }
      if (markup.body === null && BLOCK_ONLY.has(markup.name) && !node.block) {
        warn(node, `\`{% ${markup.name} %}\` has no \`{% end${markup.name} %}\`; the tag was left out`)
        return { nodes: [], block: false }
      }
      switch (markup.name) {
        case 'raw': {
          const body = markup.body ?? ''
          if (!node.block) return { nodes: [text(body, position, true)], block: false }
          const nodes = parse(body, position, false)
          nodes.forEach((child) =>
            visit(child, 'text', (literal) => {
              literal.data = { ...literal.data, liquidRaw: true } as Text['data']
            }),
          )
          return { nodes, block: true }
        }
        case 'comment':
          return { nodes: [], block: node.block }
        case 'highlight': {
          const [lang, ...flags] = markup.markup.split(/\s+/).filter(Boolean)
          const code: Code = {
            type: 'code',
            lang: lang ?? null,
            meta: flags.join(' ') || null,
            value: (markup.body ?? '').replace(/^[ \t]*\r?\n/, '').replace(/\r?\n[ \t]*$/, ''),
            position,
          }
          return { nodes: [code], block: true }
        }
        case 'capture': {
          captures.set(markup.target, { body: markup.body ?? '', used: false })
          return { nodes: [], block: true }
        }
        case 'include': {
          const handler = elements[markup.target]
          const params = resolveParams(markup.params, node)
          const context: IncludeContext = {
            params,
            phrasing: (value) => phrasing(value, position),
            blocks: (value) => parse(value, position),
            takeCapture: (name) => {
              const captured = captures.get(name)
              if (!captured) return null
              captured.used = true
              return captured.body
            },
            warn: (reason) => warn(node, reason),
          }
          const result = handler?.(context)
          if (result) {
            result.node.position = position
            return { nodes: [result.node as RootContent], block: result.block }
          }
          // A site's own include: show what it was fed (its unused captures and text-like params).
          warn(node, `Unknown include \`${markup.target}\` is not rendered; its text is kept. Supported: ${Object.keys(elements).join(', ')}`)
          const fed = [...captures.values()].filter((captured) => !captured.used)
          fed.forEach((captured) => (captured.used = true))
          const textParams = ['text', 'content', 'caption', 'title']
            .map((key) => params[key])
            .filter((value): value is LiquidValue => value?.kind === 'string')
          const nodes: RootContent[] = [
            ...fed.flatMap((captured) => parse(captured.body, position)),
            ...textParams.flatMap((value) => parse(value.value, position)),
          ]
          return { nodes, block: fed.length > 0 || parent.type === 'root' }
        }
        case 'gist': {
          // jekyll-gist embeds GitHub's script; a card with a link loads nothing from a third party.
          const [id = '', fileName] = markup.markup.split(/\s+/).filter(Boolean)
          if (!/^[\w-]+(\/[\w-]+)?$/.test(id)) {
            warn(node, `\`{% gist %}\` needs a gist id, found ${JSON.stringify(id)}; the tag was left out`)
            return { nodes: [], block: node.block }
          }
          const href = `https://gist.github.com/${id}${fileName ? `#file-${fileName.replace(/[^\w-]/g, '-').toLowerCase()}` : ''}`
          const label = `View the gist ${fileName ?? id.split('/').at(-1)} on GitHub`
          const card = elementNode('p', { className: ['gist-card'], dataElement: 'gist' }, [
            elementNode('a', { href }, [{ type: 'text', value: label }]),
          ])
          return { nodes: [card as RootContent], block: true }
        }
        default: {
          // {% if %}, {% for %}, {% assign %}, plugin tags...: the tag goes, what stands between stays.
          warn(node, `Unsupported Liquid tag \`{% ${markup.name} %}\` was left out`)
          return { nodes: markup.body ? parse(markup.body, position) : [], block: node.block }
        }
      }
    }
  }
}

/**
 * Puts the interpreted nodes where the tag stood: inline in running text, as blocks where the tag
 * stood alone (a lone inline result is wrapped in a paragraph again).
 */
function replaceWith(parent: Parent, index: number, result: { nodes: RootContent[]; block: boolean }) {
  const children = parent.children as RootContent[]
  let nodes = result.nodes
  if (isPhrasingParent(parent)) {
    nodes = nodes.flatMap((child) => (child.type === 'paragraph' ? child.children : isPhrasing(child) ? [child] : []))
  } else if (!result.block && nodes.length > 0) {
    nodes = [{ type: 'paragraph', children: nodes.filter(isPhrasing), position: nodes[0]!.position }]
  }
  children.splice(index, 1, ...nodes)
}

/** A paragraph that holds one tag and nothing else is replaced by the tag, so it can become a block. */
function liftLoneTags(tree: Root) {
  visit(tree, 'paragraph', (node, index, parent) => {
    if (index === undefined || !parent) return
    const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
    const [only] = meaningful
    if (meaningful.length !== 1 || only?.type !== 'liquid') return
    ;(parent.children as RootContent[]).splice(index, 1, only)
    return [SKIP, index + 1]
  })
}

/**
 * Jekyll runs Liquid over code too, so authors wrap template code in `{% raw %}`: in code the markers
 * go and what they wrapped stays, exactly as the reader would have seen it.
 */
function unwrapRawInCode(tree: Root) {
  visit(tree, (node) => {
    if (node.type !== 'code' && node.type !== 'inlineCode') return
    // Only whole pairs: a lone `{% raw %}` in code is the author writing about the tag.
    node.value = node.value
      .replace(/^[ \t]*\{%-?\s*raw\s*-?%\}[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*\{%-?\s*endraw\s*-?%\}[ \t]*$/gm, '$1')
      .replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g, '$1')
  })
}

/** Removing a tag at the start or end of a paragraph leaves the line break that followed it. */
function trimEdges(tree: Root) {
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return
    const first = node.children[0]
    const last = node.children.at(-1)
    if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '')
    if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '')
  })
}

function isPhrasingParent(parent: Parent): boolean {
  return ['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'liquidElement'].includes(parent.type)
}

function isPhrasing(node: Nodes): node is PhrasingContent {
  return [
    'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'image', 'html',
    'linkReference', 'imageReference', 'footnoteReference', 'liquidElement',
  ].includes(node.type)
}

function text(value: string, position: Position | undefined, raw = false): Text {
  return { type: 'text', value, position, ...(raw ? { data: { liquidRaw: true } as Text['data'] } : {}) }
}
