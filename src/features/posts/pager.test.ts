import { describe, expect, it } from 'vitest'
import { pageWindow } from './pager.tsx'

describe('pageWindow', () => {
  it('shows every page of a short list', () => {
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5])
  })

  it('keeps the first, the last and the current page’s neighbours, with gaps between', () => {
    expect(pageWindow(1, 50)).toEqual([1, 2, 3, 4, 5, 'gap', 50])
    expect(pageWindow(4, 50)).toEqual([1, 2, 3, 4, 5, 'gap', 50])
    expect(pageWindow(10, 50)).toEqual([1, 'gap', 9, 10, 11, 'gap', 50])
    expect(pageWindow(50, 50)).toEqual([1, 'gap', 46, 47, 48, 49, 50])
  })

  it('never hides a single page behind a gap', () => {
    expect(pageWindow(4, 9)).toEqual([1, 2, 3, 4, 5, 'gap', 9])
    expect(pageWindow(5, 9)).toEqual([1, 'gap', 4, 5, 6, 'gap', 9])
    for (let pages = 8; pages < 14; pages += 1) {
      for (let page = 1; page <= pages; page += 1) {
        const items = pageWindow(page, pages)
        items.forEach((item, index) => {
          if (item !== 'gap') return
          expect((items[index + 1] as number) - (items[index - 1] as number)).toBeGreaterThan(2)
        })
        expect(items).toContain(page)
      }
    }
  })
})
