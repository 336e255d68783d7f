import { describe, expect, it } from 'vitest'
import { messageFormatter } from './format-message.ts'
import { catalogs } from './catalogs.ts'
import { resolveSiteLanguage, SHIPPED_LANGUAGES, textDirection } from './languages.ts'

describe('plural counts', () => {
  it('English: one and other', () => {
    const { count } = messageFormatter('en')
    expect([0, 1, 2, 12, 1000].map((n) => count(catalogs.en.counts.posts, n))).toEqual(['0 posts', '1 post', '2 posts', '12 posts', '1,000 posts'])
    expect(count(catalogs.en.counts.readingTime, 5)).toBe('5 min read')
  })

  it('Arabic: zero, one, two, few, many and other (digits as CLDR writes `ar`: 0-9)', () => {
    const { count } = messageFormatter('ar')
    expect([0, 1, 2, 3, 10, 11, 99, 100].map((n) => count(catalogs.ar.counts.posts, n))).toEqual([
      'لا مقالات',
      'مقالة واحدة',
      'مقالتان',
      '3 مقالات',
      '10 مقالات',
      '11 مقالة',
      '99 مقالة',
      '100 مقالة',
    ])
  })

  it('Japanese: one form for every number', () => {
    const { count } = messageFormatter('ja')
    expect([1, 2, 12].map((n) => count(catalogs.ja.counts.posts, n))).toEqual(['1件の記事', '2件の記事', '12件の記事'])
    expect(count(catalogs.ja.counts.readingTime, 4)).toBe('4分で読めます')
  })

  it('French: 0 and 1 are singular, numbers group with a narrow space', () => {
    const { count } = messageFormatter('fr')
    expect([0, 1, 2].map((n) => count(catalogs.fr.counts.posts, n))).toEqual(['0 article', '1 article', '2 articles'])
    expect(count(catalogs.fr.counts.posts, 1500)).toBe('1\u202f500 articles')
  })

  it('German: a count inside a sentence', () => {
    const { count, fill } = messageFormatter('de')
    expect(fill(catalogs.de.archive.summary, { posts: count(catalogs.de.counts.posts, 12), years: count(catalogs.de.counts.years, 3) })).toBe('12 Beiträge in 3 Jahren')
  })
})

describe('catalogs', () => {
  it('ship the ten languages, each with every text filled in', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...SHIPPED_LANGUAGES].sort())
    const texts = (value: unknown, path: string): Array<[string, unknown]> =>
      value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => texts(inner, `${path}.${key}`)) : [[path, value]]
    for (const [lang, catalog] of Object.entries(catalogs)) {
      for (const [path, text] of texts(catalog, lang)) expect(typeof text === 'string' && text.trim() !== '', path).toBe(true)
    }
  })

  it('keep every placeholder of the English text ({count}, {tags}...)', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((match) => match[0]).sort()
    const walk = (english: unknown, other: unknown, path: string) => {
      if (typeof english === 'string') {
        // A plural form may spell its number out (`مقالة واحدة`): only `{n}` may be left out there.
        expect(placeholders(other as string).filter((name) => name !== '{n}'), path).toEqual(placeholders(english).filter((name) => name !== '{n}'))
        return
      }
      for (const key of Object.keys(english as object)) {
        if ((other as Record<string, unknown>)[key] !== undefined) walk((english as Record<string, unknown>)[key], (other as Record<string, unknown>)[key], `${path}.${key}`)
      }
    }
    for (const [lang, catalog] of Object.entries(catalogs)) walk(catalogs.en, catalog, lang)
  })
})

describe('resolveSiteLanguage', () => {
  it.each([
    ['de', 'de', 'de', 'ltr'],
    ['pt-BR', 'pt-BR', 'pt', 'ltr'],
    ['pt_br', 'pt-BR', 'pt', 'ltr'],
    ['ar', 'ar', 'ar', 'rtl'],
    ['ar-EG', 'ar-EG', 'ar', 'rtl'],
    ['zh-Hans', 'zh-Hans', 'zh', 'ltr'],
  ])('%s: <html lang="%s">, the %s catalog, %s', (lang, tag, catalog, dir) => {
    expect(resolveSiteLanguage(lang, '_config.yml:3:7')).toEqual({ tag, catalog, dir, problem: null })
  })

  it('falls back to English for a language without a catalog, naming the file and the known languages', () => {
    const resolved = resolveSiteLanguage('sv', '_config.yml:3:7')
    expect(resolved).toMatchObject({ tag: 'en', catalog: 'en', dir: 'ltr' })
    expect(resolved.problem).toBe(
      '_config.yml:3:7: no interface catalog for `lang: sv`; the interface is in English. Use one of: en, de, fr, es, pt, id, ko, ja, zh, ar (a region such as pt-BR is fine), or add a catalog in src/shared/i18n/locales/',
    )
  })

  it('falls back to English for a value that is no language tag', () => {
    expect(resolveSiteLanguage('english please', '_config.yml:2:7').problem).toMatch(/^_config\.yml:2:7: `lang: english please` is not a language tag; the interface is in English\. Use one of: en, de/)
  })

  it('lays right-to-left languages out right to left, whatever the region, and follows a script subtag', () => {
    expect(['he', 'fa-IR', 'ur', 'ar', 'az-Arab'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl'])
    expect(['en', 'ja', 'ku-Latn', 'az'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr'])
  })
})
