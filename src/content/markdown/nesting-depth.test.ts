import { describe, expect, it } from 'vitest'
import { tooDeepLine } from './nesting-depth.ts'
import { render } from './test-pipeline.ts'

const nestedList = (levels: number) => Array.from({ length: levels }, (_, level) => `${' '.repeat(level * 2)}- item ${level}`).join('\n')

describe('tooDeepLine', () => {
  it.each([
    ['a list nested 5 levels', nestedList(5), null],
    ['a list nested 200 levels', nestedList(200), { line: 102, depth: 101 }],
    ['quotes nested 150 levels', '>'.repeat(150) + ' deep', { line: 1, depth: 150 }],
    ['tabs, four columns each', '\t'.repeat(60) + 'x', { line: 1, depth: 120 }],
    ['deep indentation inside fenced code', '```\n' + ' '.repeat(400) + 'x\n```', null],
  ])('%s', (_, markdown, expected) => {
    expect(tooDeepLine(markdown)).toEqual(expected)
  })
})

describe('a post nested 5,000 levels deep', () => {
  it('is refused, naming the line', () => {
    expect(() => render(nestedList(5000))).toThrow('Lists or quotes nested about 101 levels deep here; at most 100 are read')
  })
})
