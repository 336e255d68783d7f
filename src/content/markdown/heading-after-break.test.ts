import { describe, expect, it } from 'vitest'
import { separateHeadingsAfterBreaks } from './heading-after-break.ts'

describe('separateHeadingsAfterBreaks', () => {
  it.each([
    ['a lone <br> line', '<br>\n#### Next', '<br>\n\n#### Next', [5]],
    ['text ending in <br/>', 'Credit<br/>\n## Next', 'Credit<br/>\n\n## Next', [12]],
    ['no heading after', 'a<br>\nb', 'a<br>\nb', []],
    ['seven hashes are not a heading', '<br>\n####### x', '<br>\n####### x', []],
    ['inside fenced code', '```\n<br>\n# x\n```', '```\n<br>\n# x\n```', []],
    ['after fenced code closes', '~~~\nx\n~~~\n<br>\n# x', '~~~\nx\n~~~\n<br>\n\n# x', [15]],
  ])('%s', (_, text, expected, inserted) => {
    expect(separateHeadingsAfterBreaks(text)).toEqual({ text: expected, inserted })
  })
})
