import { describe, expect, it } from 'vitest'
import { decideHighlightPages } from './highlight-pages.ts'

describe('whether highlights get pages of their own', () => {
  it('keeps them by default while the site fits Cloudflare Pages\' free plan', () => {
    expect(decideHighlightPages('auto', 10_599, 4_409)).toEqual({ on: true, note: null })
    expect(decideHighlightPages('auto', 20_000, 4_409)).toEqual({ on: true, note: null })
  })

  it('leaves them out by default past it, and says how many files that saves and how to keep them', () => {
    expect(decideHighlightPages('auto', 106_000, 44_000)).toEqual({
      on: false,
      note:
        "Highlights link into their posts, without pages of their own: with their 44,000 pages the site would have 106,000 files, past Cloudflare Pages' free plan (20,000); it has 62,000. " +
        'Set `highlightPages: true` in src/site-settings.ts (or HIGHLIGHT_PAGES=true) to keep them',
    })
  })

  it('does as the author says, whatever the count', () => {
    expect(decideHighlightPages(true, 106_000, 44_000)).toEqual({ on: true, note: null })
    expect(decideHighlightPages(false, 100, 10)).toEqual({ on: false, note: null })
  })
})
