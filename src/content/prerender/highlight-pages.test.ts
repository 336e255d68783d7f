import { describe, expect, it } from 'vitest'
import { decideHighlightPages, planHighlightPages } from './highlight-pages.ts'

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

describe('the output plan for the setting', () => {
  /** A plan of `posts` posts, each with a page, a card and four highlight pages when they are on. */
  const planOf = (posts: number) => {
    const asked: boolean[] = []
    const plan = (on: boolean) => {
      asked.push(on)
      return { files: Array.from({ length: posts * (on ? 6 : 2) }, (_, index) => `file-${index}`) }
    }
    return { asked, plan, highlights: posts * 4 }
  }

  it('takes the plan with the pages while the site fits', () => {
    const { asked, plan, highlights } = planOf(1000)
    const decided = planHighlightPages('auto', plan, highlights)
    expect([decided.on, decided.plan.files.length, asked]).toEqual([true, 6000, [false, true]])
  })

  it('makes only the plan without them past 20,000 files', () => {
    const { asked, plan, highlights } = planOf(10_000)
    const decided = planHighlightPages('auto', plan, highlights)
    expect([decided.on, decided.plan.files.length, asked]).toEqual([false, 20_000, [false]])
    expect(decided.note).toContain('with their 40,000 pages the site would have 60,000 files')
  })

  it('plans once as the author says', () => {
    const { asked, plan, highlights } = planOf(10_000)
    expect(planHighlightPages(false, plan, highlights).plan.files.length).toBe(20_000)
    expect(planHighlightPages(true, plan, highlights).plan.files.length).toBe(60_000)
    expect(asked).toEqual([false, true])
  })
})
