import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { keepWoff2 } from './woff2-only.ts'

describe('keepWoff2', () => {
  it("keeps a KaTeX face's WOFF2 file only", () => {
    expect(keepWoff2('url(fonts/KaTeX_AMS-Regular.woff2) format("woff2"),url(fonts/KaTeX_AMS-Regular.woff) format("woff"),url(fonts/KaTeX_AMS-Regular.ttf) format("truetype")')).toBe(
      'url(fonts/KaTeX_AMS-Regular.woff2) format("woff2")',
    )
  })

  it('leaves a list without WOFF2, and local() fonts, as they are', () => {
    expect(keepWoff2("local('Inter'), url(a.woff) format('woff')")).toBe("local('Inter'), url(a.woff) format('woff')")
    expect(keepWoff2('url("a,b.woff2") format(\'woff2\'), url(a.ttf)')).toBe('url("a,b.woff2") format(\'woff2\')')
  })

  it("leaves every face of KaTeX's installed stylesheet one WOFF2 file", () => {
    const css = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8')
    const sources = [...css.matchAll(/@font-face\{[^}]*src:([^;}]+)/g)].map((match) => keepWoff2(match[1]!))
    expect(sources.length).toBeGreaterThan(15)
    for (const source of sources) expect(source).toMatch(/^url\(fonts\/KaTeX_[\w-]+\.woff2\) format\("woff2"\)$/)
  })
})
