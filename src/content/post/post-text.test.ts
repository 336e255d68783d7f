import { describe, expect, it } from 'vitest'
import { plainDescription } from './post-text.ts'

describe('plainDescription', () => {
  it.each([
    ['The <strong>first</strong> morning out', 'The first morning out'],
    ['Fish &amp; chips, <a href="https://example.com">here</a>', 'Fish & chips, here'],
    ['<script>alert(1)</script><style>p{}</style>Safe', 'Safe'],
    ['a < b and **bold** `code`', 'a < b and bold code'],
    ['Two\nlines', 'Two lines'],
  ])('%j -> %j', (description, plain) => {
    expect(plainDescription(description)).toBe(plain)
  })

  it('drops inline markers and keeps the words', () => {
    expect(plainDescription('An *emphasis*, a _word_, **strong**, `code` and [a link](https://x.example/a) in snake_case_names.')).toBe(
      'An emphasis, a word, strong, code and a link in snake_case_names.',
    )
  })

  // Markers that never close must not send the reader into a search per marker: a description this long
  // read in quadratic time would stop the build for minutes (vitest's own test timeout ends it), so these
  // check that every word of a hostile description survives, as a reader sees it, in one read.
  it.each([
    ['200,000 unclosed `[`', '[a'.repeat(200_000), '[a'.repeat(200_000)],
    ['100,000 ` _a`', ' _a'.repeat(100_000), ' _a'.repeat(100_000).trim()],
    ['100,000 ` *a`', ' *a'.repeat(100_000), ' *a'.repeat(100_000).trim()],
  ])('keeps every marker of %s as text', (_, description, plain) => {
    expect(plainDescription(description)).toBe(plain)
  })
})
