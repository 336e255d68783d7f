import { describe, expect, it } from 'vitest'
import { passagePath } from './passage-link.tsx'

describe('a passage\'s link', () => {
  it('is its own page, for a quote and, by default, a highlight', () => {
    expect(passagePath('peer-focus', 'q-abc', 'quote')).toBe('/blog/peer-focus/quote/q-abc/')
    expect(passagePath('peer-focus', 'q-abc', 'highlight')).toBe('/blog/peer-focus/quote/q-abc/')
  })

  it('is its place in the post for a highlight of a site built without highlight pages', () => {
    expect(passagePath('peer-focus', 'q-abc', 'highlight', false)).toBe('/blog/peer-focus/#q-abc')
    expect(passagePath('peer-focus', 'q-abc', 'quote', false)).toBe('/blog/peer-focus/quote/q-abc/')
  })
})
