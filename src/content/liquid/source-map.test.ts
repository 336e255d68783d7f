import { describe, expect, it } from 'vitest'
import { SourceMap } from './source-map.ts'

// Source: "a\n{% x %}\nb\nc" renders as "a\nONE\nTWO\nb\nc": the tag's output took two lines.
const source = 'a\n{% x %}\nb\nc'
const output = 'a\nONE\nTWO\nb\nc'
const map = new SourceMap(
  [
    { output: 0, source: 0, verbatim: true },
    { output: 2, source: 2, verbatim: false },
    { output: 9, source: 9, verbatim: true },
  ],
  output,
  source,
)

describe('SourceMap', () => {
  it.each([
    ['text before the tag', { line: 1, column: 1 }, { line: 1, column: 1 }],
    ['any place in the tag’s output -> the tag', { line: 3, column: 2 }, { line: 2, column: 1 }],
    ['text after the tag, lines moved back', { line: 4, column: 1 }, { line: 3, column: 1 }],
    ['the last line', { line: 5, column: 1 }, { line: 4, column: 1 }],
  ])('%s', (_, point, expected) => {
    expect(map.toSource(point)).toEqual(expected)
  })

  it('follows line breaks inserted into the output', () => {
    // A line break before "b" (offset 9 of the output).
    const moved = map.withLineBreaks([9], 'a\nONE\nTWO\n\nb\nc')
    expect(moved.toSource({ line: 5, column: 1 })).toEqual({ line: 3, column: 1 })
    expect(moved.toSource({ line: 6, column: 1 })).toEqual({ line: 4, column: 1 })
    expect(moved.toSource({ line: 2, column: 1 })).toEqual({ line: 2, column: 1 })
  })
})
