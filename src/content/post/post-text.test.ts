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
})
