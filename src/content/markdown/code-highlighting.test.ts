/** Code blocks as real posts write them: the languages they name, and one clear warning for the rest. */
import { describe, expect, it } from 'vitest'
import { render } from './test-pipeline.ts'

const block = (language: string, code: string) => `\`\`\`${language}\n${code}\n\`\`\``

describe('code blocks', () => {
  it.each([
    ['haskell', 'main :: IO ()\nmain = putStrLn "hi"', 'hljs-type'],
    ['coq', 'Theorem plus_O_n : forall n : nat, 0 + n = n.', 'hljs-keyword'],
    ['applescript', 'tell application "Finder" to activate', 'hljs-keyword'],
  ])('highlights %s, which real blogs write, with no warning', (language, code, tokenClass) => {
    const result = render(block(language, code))
    expect(result.html).toContain(`class="${tokenClass}"`)
    expect(result.problems).toEqual([])
  })

  it('names a language it does not know once, counting its blocks, and shows them as plain text', () => {
    const result = render([block('nosuchlang', 'a = 1'), 'Between.', block('nosuchlang', 'b = 2'), block('nosuchlang', 'c = 3'), block('otherlang', 'd')].join('\n\n'))
    expect(result.html).toContain('a = 1')
    expect(result.html).not.toContain('hljs-')
    expect(result.problems).toEqual([
      'posts/test.md:1:1: 3 code blocks name `nosuchlang`, a language the highlighter does not know: shown as plain text. Name a language of highlight.js (https://highlightjs.org/#usage) or `text` to silence this',
      'posts/test.md:15:1: A code block names `otherlang`, a language the highlighter does not know: shown as plain text. Name a language of highlight.js (https://highlightjs.org/#usage) or `text` to silence this',
    ])
  })
})
