import { describe, expect, it } from 'vitest'
import { resolveSiteSettings } from './resolve-site-settings.ts'

describe('the highlight pages setting', () => {
  it('is on by default and turned off by HIGHLIGHT_PAGES=false', () => {
    expect(resolveSiteSettings('posts', {}).highlightPages).toBe(true)
    expect(resolveSiteSettings('posts', { HIGHLIGHT_PAGES: 'false' }).highlightPages).toBe(false)
    expect(resolveSiteSettings('posts', { HIGHLIGHT_PAGES: '1' }).highlightPages).toBe(true)
  })

  it('refuses a value that is not a switch, and says what to write', () => {
    expect(() => resolveSiteSettings('posts', { HIGHLIGHT_PAGES: 'some' })).toThrow('HIGHLIGHT_PAGES=some is not a switch: set it to true or false')
  })
})
