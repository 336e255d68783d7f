/**
 * micromark syntax extension: kramdown inline attribute lists (`{: width="400" }`, `{:.class}`,
 * `{:#id}`, `{:toc}`) and extension tags (`{::options ... /}`, `{::comment}`, `{:/}`), recognized
 * as one `kramdownIal` token each. Interpreting them is `remark-kramdown-ial`'s job.
 */
import { codes } from 'micromark-util-symbol'
import { markdownLineEnding } from 'micromark-util-character'
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types'
import type { Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown'
import type { Literal } from 'mdast'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownIal: 'kramdownIal'
  }
}

export interface KramdownIal extends Literal {
  type: 'kramdownIal'
  /** The markup as written, `{: width="400" }`. */
  value: string
}

declare module 'mdast' {
  interface PhrasingContentMap {
    kramdownIal: KramdownIal
  }
  interface RootContentMap {
    kramdownIal: KramdownIal
  }
}

const ial: Construct = { name: 'kramdownIal', tokenize: tokenizeIal }

export function kramdownIalSyntax(): Extension {
  return { text: { [codes.leftCurlyBrace]: ial } }
}

export function kramdownIalFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownIal(token: Token) {
        this.enter({ type: 'kramdownIal', value: '' }, token)
      },
    },
    exit: {
      kramdownIal(token: Token) {
        const node = this.stack[this.stack.length - 1] as unknown as KramdownIal
        node.value = this.sliceSerialize(token)
        this.exit(token)
      },
    },
  }
}

function tokenizeIal(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let quote: Code | null = null
  let size = 0
  return start

  function start(code: Code): State | undefined {
    effects.enter('kramdownIal')
    effects.consume(code)
    return colon
  }

  function colon(code: Code): State | undefined {
    if (code !== codes.colon) return nok(code)
    effects.consume(code)
    return inside
  }

  // One line at most, and quoted values may hold `}`.
  function inside(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code) || size++ > 500) return nok(code)
    effects.consume(code)
    if (quote !== null) {
      if (code === quote) quote = null
      return inside
    }
    if (code === codes.quotationMark || code === codes.apostrophe) {
      quote = code
      return inside
    }
    if (code === codes.rightCurlyBrace) {
      effects.exit('kramdownIal')
      return ok
    }
    return inside
  }
}
