import { describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resolveLanguageSetting, resolveSiteSettings } from './resolve-site-settings.ts'

describe('the highlight pages setting', () => {
  it('is left to the build by default, and set by HIGHLIGHT_PAGES', () => {
    expect(resolveSiteSettings('posts', {}).highlightPages).toBe('auto')
    expect(resolveSiteSettings('posts', { HIGHLIGHT_PAGES: 'Auto' }).highlightPages).toBe('auto')
    expect(resolveSiteSettings('posts', { HIGHLIGHT_PAGES: 'false' }).highlightPages).toBe(false)
    expect(resolveSiteSettings('posts', { HIGHLIGHT_PAGES: '1' }).highlightPages).toBe(true)
  })

  it('refuses a value that is not a switch, and says what to write', () => {
    expect(() => resolveSiteSettings('posts', { HIGHLIGHT_PAGES: 'some' })).toThrow('HIGHLIGHT_PAGES=some is not a switch: set it to true, false or auto')
  })
})

describe('the interface language', () => {
  /** A posts folder with a `_config.yml` beside it, as POSTS_DIR reads it. */
  const postsBeside = (config: string) => {
    const folder = mkdtempSync(join(tmpdir(), 'lang-'))
    writeFileSync(join(folder, '_config.yml'), config)
    mkdirSync(join(folder, '_posts'))
    return join(folder, '_posts')
  }

  it('is English without `lang`', () => {
    expect(resolveSiteSettings('posts', {}).lang).toBe('en')
  })

  it("comes from _config.yml's `lang`, canonicalized, with the catalog of its language", () => {
    const posts = postsBeside('title: Blog\nlang: pt-br\n')
    expect(resolveSiteSettings(posts, {}).lang).toBe('pt-BR')
    expect(resolveLanguageSetting(posts, {})).toEqual({ tag: 'pt-BR', catalog: 'pt', dir: 'ltr', problem: null })
  })

  it('is overridden by SITE_LANG (not LANG, the shell\'s own locale)', () => {
    const posts = postsBeside('lang: de\n')
    expect(resolveSiteSettings(posts, { SITE_LANG: 'ar', LANG: 'C.UTF-8' }).lang).toBe('ar')
    expect(resolveSiteSettings(posts, { LANG: 'fr_FR.UTF-8' }).lang).toBe('de')
  })

  it('falls back to English for an unknown language, naming _config.yml\'s line and the known languages', () => {
    const posts = postsBeside('title: Blog\nlang: sv\n')
    const { tag, problem } = resolveLanguageSetting(posts, {})
    expect(tag).toBe('en')
    expect(problem).toMatch(/_config\.yml:2:7: no interface catalog for `lang: sv`; the interface is in English\. Use one of: en, de, fr, es, pt, id, ko, ja, zh, ar/)
  })
})
