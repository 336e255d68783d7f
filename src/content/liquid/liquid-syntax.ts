/**
 * micromark syntax extension that recognizes Liquid markup, without interpreting it:
 *
 * - `liquidTag` (text): `{% ... %}` and `{{ ... }}` anywhere in a paragraph, heading or table cell,
 *   including `{% raw %}...{% endraw %}` and `{% comment %}...{% endcomment %}` as one token.
 * - `liquidBlock` (flow): a paired tag whose opening starts a line (`{% highlight js %}`, `{% raw %}`,
 *   `{% comment %}`, `{% capture x %}`), through its end tag. Blank lines inside do not end it, and
 *   markdown inside is not parsed here: the interpreting plugin decides what the body is.
 *
 * Code (fenced, indented, inline) is never scanned, so JSX such as `{this.props.message}` and
 * template literals in code stay code. Unclosed markup is not a token; `remark-liquid` reports it.
 */
import { codes } from 'micromark-util-symbol'
import { markdownLineEnding } from 'micromark-util-character'
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    liquidTag: 'liquidTag'
    liquidBlock: 'liquidBlock'
    liquidBlockValue: 'liquidBlockValue'
    liquidTagValue: 'liquidTagValue'
  }
}

/** Paired tags whose body is kept whole, both inline and as a block. */
const PAIRED_TAGS = new Set(['raw', 'comment', 'highlight', 'capture'])
/** Paired tags whose body may be one token inside a paragraph. */
const INLINE_PAIRED_TAGS = new Set(['raw', 'comment'])

const liquidText: Construct = { name: 'liquidTag', tokenize: tokenizeLiquidText }
const liquidFlow: Construct = { name: 'liquidBlock', tokenize: tokenizeLiquidFlow, concrete: true }
const nonLazyContinuation: Construct = { tokenize: tokenizeNonLazyContinuation, partial: true }

export function liquidSyntax(): Extension {
  return {
    text: { [codes.leftCurlyBrace]: liquidText },
    flow: { [codes.leftCurlyBrace]: liquidFlow },
  }
}

/** The name of the tag a buffer opens with (`{%- include` -> `include`), or null for `{{`. */
export function openingTagName(markup: string): string | null {
  return /^\{%-?\s*([A-Za-z_]\w*)/.exec(markup)?.[1] ?? null
}

function endTagPattern(name: string): RegExp {
  return new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}$`)
}

function characterOf(code: Code): string {
  if (code === null) return ''
  if (code === codes.horizontalTab) return '\t'
  if (code === codes.virtualSpace) return ' '
  if (markdownLineEnding(code)) return '\n'
  return String.fromCharCode(code)
}

/** Longest markup a tag may have before it is taken for text: keeps stray braces from scanning a whole paragraph. */
const MAX_TAG_LENGTH = 2_000
/** Longest body of an inline `{% raw %}` or `{% comment %}`. */
const MAX_INLINE_BODY_LENGTH = 5_000

function tokenizeLiquidText(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let markup = ''
  let isOutput = false
  let endTag: RegExp | null | undefined
  let sameOpening: RegExp | undefined
  let inValue = false
  let quote: Code | null = null

  return start

  function start(code: Code): State | undefined {
    effects.enter('liquidTag')
    effects.consume(code)
    markup = '{'
    return open
  }

  function open(code: Code): State | undefined {
    if (code !== codes.percentSign && code !== codes.leftCurlyBrace) return nok(code)
    isOutput = code === codes.leftCurlyBrace
    effects.consume(code)
    markup += characterOf(code)
    return inside
  }

  /** Line endings are tokens of their own between value chunks, as in inline code. */
  function inside(code: Code): State | undefined {
    if (code === codes.eof) return nok(code)
    if (markup.length > (endTag ? MAX_INLINE_BODY_LENGTH : MAX_TAG_LENGTH)) return nok(code)
    if (markdownLineEnding(code)) {
      if (inValue) effects.exit('liquidTagValue')
      inValue = false
      effects.enter('lineEnding')
      effects.consume(code)
      effects.exit('lineEnding')
      markup += '\n'
      return inside
    }
    if (!inValue) {
      effects.enter('liquidTagValue')
      inValue = true
    }
    effects.consume(code)
    markup += characterOf(code)
    if (quote === null && (code === codes.quotationMark || code === codes.apostrophe)) quote = code
    else if (code === quote) quote = null
    // A tag holds no other tag (`{{ {{`, `{% x {%` are text, found without scanning further),
    // except in a quoted string: `{{ "{{" }}` is how Liquid prints braces.
    if (!endTag && quote === null && /\{[{%]$/.test(markup.slice(2))) return nok
    if (code !== codes.rightCurlyBrace) return inside
    if (isOutput) return markup.endsWith('}}') ? done : inside
    if (!markup.endsWith('%}')) return inside
    if (endTag === undefined) {
      const name = openingTagName(markup)
      endTag = name && INLINE_PAIRED_TAGS.has(name) ? endTagPattern(name) : null
      if (endTag) sameOpening = new RegExp(`\\{%-?\\s*${name}\\s*-?%\\}$`)
      return endTag ? inside : done
    }
    if (endTag && endTag.test(markup)) return done
    // An unclosed `{% raw %}` meeting the next `{% raw %}`: give up here, not at the paragraph's end.
    return sameOpening?.test(markup) ? nok : inside
  }

  function done(code: Code): State | undefined {
    if (inValue) effects.exit('liquidTagValue')
    effects.exit('liquidTag')
    return ok(code)
  }
}

function tokenizeLiquidFlow(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let markup = ''
  let endTag: RegExp | null = null

  return start

  function start(code: Code): State | undefined {
    effects.enter('liquidBlock')
    effects.consume(code)
    markup = '{'
    return open
  }

  function open(code: Code): State | undefined {
    if (code !== codes.percentSign) return nok(code)
    effects.consume(code)
    markup += '%'
    return openingTag
  }

  /** The opening tag must close on its own line and name a paired tag. */
  function openingTag(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return nok(code)
    effects.consume(code)
    markup += characterOf(code)
    if (code === codes.rightCurlyBrace && markup.endsWith('%}')) {
      const name = openingTagName(markup)
      if (!name || !PAIRED_TAGS.has(name)) return nok
      endTag = endTagPattern(name)
      return body
    }
    return openingTag
  }

  /** Each line of the body is a value chunk between line endings, as fenced code does it. */
  function body(code: Code): State | undefined {
    if (code === codes.eof) return nok(code)
    if (markdownLineEnding(code)) {
      return effects.check(nonLazyContinuation, lineEnding, nok)(code)
    }
    effects.enter('liquidBlockValue')
    return chunk(code)
  }

  function chunk(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit('liquidBlockValue')
      return body(code)
    }
    effects.consume(code)
    markup += characterOf(code)
    if (code === codes.rightCurlyBrace && endTag!.test(markup)) {
      effects.exit('liquidBlockValue')
      return afterEndTag
    }
    return chunk
  }

  function lineEnding(code: Code): State | undefined {
    effects.enter('lineEnding')
    effects.consume(code)
    effects.exit('lineEnding')
    markup += '\n'
    return body
  }

  /** Only white space may follow the end tag on its line: otherwise it is text, not a block. */
  function afterEndTag(code: Code): State | undefined {
    if (code === codes.space || code === codes.horizontalTab) {
      effects.consume(code)
      return afterEndTag
    }
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit('liquidBlock')
      return ok(code)
    }
    return nok(code)
  }
}

/** Stops a block at a line that only continues a container lazily (as fenced code does). */
function tokenizeNonLazyContinuation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this
  return start

  function start(code: Code): State | undefined {
    if (code === codes.eof) return nok(code)
    effects.enter('lineEnding')
    effects.consume(code)
    effects.exit('lineEnding')
    return lineStart
  }

  function lineStart(code: Code): State | undefined {
    return self.parser.lazy[self.now().line] ? nok(code) : ok(code)
  }
}
