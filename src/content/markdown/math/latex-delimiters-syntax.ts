/**
 * micromark extension: LaTeX's own delimiters for math in text, `\(...\)` and `\[...\]`.
 *
 * CommonMark reads `\(` as an escaped `(`, so by the time a tree exists the delimiters are gone; this
 * construct runs before the character escape and emits the same tokens as micromark-extension-math's
 * `$$...$$` (`mathText`, `mathTextSequence`, `mathTextData`), so mdast-util-math makes the usual
 * `inlineMath` node. Which delimiter it was (display or not) is read back from the source by
 * remark-kramdown-math. An unclosed `\(` is not math: it stays an escaped `(`, as before.
 */
import { markdownLineEnding } from 'micromark-util-character'
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types'

const BACKSLASH = 92
const OPENERS: Record<number, number> = { 40: 41, 91: 93 } // `(` -> `)`, `[` -> `]`

const latexMathText: Construct = { name: 'latexMathText', tokenize: tokenizeLatexMath }

export function latexDelimiters(): Extension {
  return { text: { [BACKSLASH]: latexMathText } }
}

function tokenizeLatexMath(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let closer = 0
  let inData = false
  const closing: Construct = { tokenize: tokenizeClosing, partial: true }

  return start

  function start(code: Code): State | undefined {
    effects.enter('mathText')
    effects.enter('mathTextSequence')
    effects.consume(code)
    return opener
  }

  function opener(code: Code): State | undefined {
    if (code === null || !(code in OPENERS)) return nok(code)
    closer = OPENERS[code]!
    effects.consume(code)
    effects.exit('mathTextSequence')
    return between
  }

  function between(code: Code): State | undefined {
    if (code === null) return nok(code)
    if (code === BACKSLASH) return effects.attempt(closing, done, data)(code)
    return data(code)
  }

  function data(code: Code): State | undefined {
    if (code === null) return nok(code)
    if (markdownLineEnding(code)) {
      if (inData) effects.exit('mathTextData')
      inData = false
      effects.enter('lineEnding')
      effects.consume(code)
      effects.exit('lineEnding')
      return between
    }
    if (!inData) effects.enter('mathTextData')
    inData = true
    effects.consume(code)
    // A backslash escapes the next character inside math (`\\`, `\{`), so `\\)` does not close.
    return code === BACKSLASH ? escaped : between
  }

  function escaped(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) return between(code)
    effects.consume(code)
    return between
  }

  function done(code: Code): State | undefined {
    effects.exit('mathText')
    return ok(code)
  }

  function tokenizeClosing(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    return (code) => {
      if (inData) effects.exit('mathTextData')
      effects.enter('mathTextSequence')
      effects.consume(code)
      return (next) => {
        if (next !== closer) return nok(next)
        effects.consume(next)
        effects.exit('mathTextSequence')
        inData = false
        return ok
      }
    }
  }
}

declare module 'micromark-util-types' {
  // The token names of micromark-extension-math, which mdast-util-math turns into `inlineMath`.
  interface TokenTypeMap {
    mathText: 'mathText'
    mathTextSequence: 'mathTextSequence'
    mathTextData: 'mathTextData'
  }
}
