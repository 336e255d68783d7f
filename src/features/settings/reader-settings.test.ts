import { describe, expect, test } from 'vitest'
import { isLineWidth, isTextSize, LINE_WIDTHS, TEXT_SIZES } from './reader-settings.ts'
import html from '../../../index.html?raw'

describe('reader settings', () => {
  test('four text sizes and three line widths', () => {
    expect(TEXT_SIZES).toEqual(['small', 'normal', 'large', 'larger'])
    expect(LINE_WIDTHS).toEqual(['narrow', 'normal', 'wide'])
  })

  test.each([
    ['large', true],
    ['huge', false],
    [null, false],
    ['', false],
  ])('isTextSize(%j) is %s', (value, expected) => {
    expect(isTextSize(value)).toBe(expected)
  })

  test.each([
    ['wide', true],
    ['normal', true],
    ['Wide', false],
  ])('isLineWidth(%j) is %s', (value, expected) => {
    expect(isLineWidth(value)).toBe(expected)
  })

  test("index.html's inline script applies the same keys and values before the first paint", () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!
    for (const size of TEXT_SIZES.filter((size) => size !== 'normal')) expect(script).toContain(`'${size}'`)
    for (const width of LINE_WIDTHS.filter((width) => width !== 'normal')) expect(script).toContain(`'${width}'`)
    expect(script).toContain("localStorage.getItem('text-size')")
    expect(script).toContain("localStorage.getItem('line-width')")
    expect(script).toContain('dataset.textSize')
    expect(script).toContain('dataset.lineWidth')
  })
})
