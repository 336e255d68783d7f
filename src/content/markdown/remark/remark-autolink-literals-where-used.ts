/**
 * remark-gfm's autolink literals (`www.example.com`, `https://...`, `me@example.com` as links) are
 * parsed only in a document that can hold one: one with `@`, `www` or `http:`/`https:` in it. Without
 * those, none of the three constructs can match (each needs one of them: micromark-extension-gfm-
 * autolink-literal's email construct an `@`, its www construct `www.`, its protocol construct `http://`
 * or `https://`; mdast-util-gfm-autolink-literal's transform looks for the same), so the tree is the
 * same without them, and the parse is faster: the email construct is tried at every letter and digit
 * of the text, which cuts text into one-character chunks.
 *
 * Measured on the benchmark's 1,000 posts (none has a bare URL or address), micromark's parse alone:
 * 1.8 s of CPU without GFM, 4.5 s with autolink literals only, 6.1 s with all of GFM, ~3.4 s with all
 * of GFM but autolink literals: a third of the cold build's markdown parse.
 *
 * Used after remark-gfm: the parser is run with remark-gfm's extensions minus the autolink-literal
 * constructs (picked by name) and their mdast extension (picked by its node types).
 */
import type { Processor } from 'unified'
import type { Construct, Extension as MicromarkExtension } from 'micromark-util-types'
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown'

/** What every autolink literal needs (see above); case-insensitive, like the constructs. */
const MAY_HOLD_AUTOLINK_LITERAL = /@|www|https?:/i
const AUTOLINK_CONSTRUCTS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink'])

type Data = { micromarkExtensions?: MicromarkExtension[]; fromMarkdownExtensions?: Array<FromMarkdownExtension | FromMarkdownExtension[]> }

export function remarkAutolinkLiteralsWhereUsed(this: Processor) {
  const data = this.data() as Data
  const parse = this.parser!
  const withoutMicromark = new WeakMap<MicromarkExtension, MicromarkExtension>()
  const withoutMdast = new WeakMap<object, FromMarkdownExtension | FromMarkdownExtension[]>()
  this.parser = (document, file) => {
    if (MAY_HOLD_AUTOLINK_LITERAL.test(document)) return parse(document, file)
    // The other plugins' extensions are read when parsing, as remark-parse does; put back after.
    const micromark = data.micromarkExtensions ?? []
    const mdast = data.fromMarkdownExtensions ?? []
    const full = { micromark: [...micromark], mdast: [...mdast] }
    micromark.splice(0, micromark.length, ...full.micromark.map((extension) => memo(withoutMicromark, extension, withoutAutolinkConstructs)))
    mdast.splice(0, mdast.length, ...full.mdast.map((extension) => memo(withoutMdast, extension, withoutAutolinkMdast)))
    try {
      return parse(document, file)
    } finally {
      micromark.splice(0, micromark.length, ...full.micromark)
      mdast.splice(0, mdast.length, ...full.mdast)
    }
  }
}

function memo<K extends object, V>(made: WeakMap<K, V>, key: K, make: (key: K) => V): V {
  let value = made.get(key)
  if (value === undefined) made.set(key, (value = make(key)))
  return value
}

function withoutAutolinkConstructs(extension: MicromarkExtension): MicromarkExtension {
  if (!extension.text) return extension
  // Keyed by character code, and `null` (any character): kept as the keys they are.
  const text: Record<string, Construct[]> = {}
  for (const [code, constructs] of Object.entries(extension.text as Record<string, Construct | Construct[]>)) {
    const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter((construct) => !AUTOLINK_CONSTRUCTS.has(construct.name ?? ''))
    if (kept.length > 0) text[code] = kept
  }
  return { ...extension, text: text as MicromarkExtension['text'] }
}

function withoutAutolinkMdast(extension: FromMarkdownExtension | FromMarkdownExtension[]): FromMarkdownExtension | FromMarkdownExtension[] {
  if (Array.isArray(extension)) return extension.filter((each) => !each.enter || !('literalAutolink' in each.enter))
  return extension
}
