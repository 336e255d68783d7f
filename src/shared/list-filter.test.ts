import { describe, expect, it } from 'vitest'
import type { PostSummary } from './post-data.ts'
import { countIfToggled, countTags, listHref, listLocation, matchesFilter, NO_FILTER, parseListFilter, parseListPage, serializeListFilter } from './list-filter.ts'
import { tagKey } from './tag-key.ts'

function post(slug: string, tags: string[]): PostSummary {
  return {
    slug, title: slug, date: null, tags: tags.map((name) => ({ name, key: tagKey(name) })), excerpt: '',
    wordCount: 0, readingMinutes: 1, style: null, color: null, externalUrl: null, image: null, comments: false, permalink: null,
  }
}

describe('tagKey', () => {
  it.each([
    ['Leadership', 'leadership'],
    ['External Post', 'external-post'],
    ['  Remote   Work ', 'remote-work'],
    ['C++', 'c++'],
    ['Node.js', 'node.js'],
    ['Führung', 'führung'],
  ])('%s -> %s', (name, key) => expect(tagKey(name)).toBe(key))
})

describe('the list filter in the URL', () => {
  it('reads tags case-insensitively, from one comma list or repeated params', () => {
    expect(parseListFilter(new URLSearchParams('tags=Leadership,GROWTH&match=all&q=peers'))).toEqual({ tags: ['leadership', 'growth'], match: 'all', q: 'peers' })
    expect(parseListFilter(new URLSearchParams('tag=a&tag=b&tags=a'))).toEqual({ tags: ['a', 'b'], match: 'any', q: '' })
    expect(parseListFilter(new URLSearchParams('match=sideways&q=+'))).toEqual({ tags: [], match: 'any', q: '' })
  })

  it('writes a readable query that reads back the same', () => {
    const filter = { tags: ['leadership', 'c++'], match: 'all' as const, q: 'peer focus' }
    const search = serializeListFilter(filter)
    expect(search).toBe('tags=leadership,c%2B%2B&match=all&q=peer+focus')
    expect(parseListFilter(new URLSearchParams(search))).toEqual(filter)
    expect(serializeListFilter({ tags: ['growth'], match: 'all' })).toBe('tags=growth')
  })

  it('matches any or all of the chosen tags', () => {
    const both = post('both', ['Leadership', 'Growth'])
    const one = post('one', ['leadership'])
    expect(matchesFilter(one, { tags: ['leadership', 'growth'], match: 'any', q: '' })).toBe(true)
    expect(matchesFilter(one, { tags: ['leadership', 'growth'], match: 'all', q: '' })).toBe(false)
    expect(matchesFilter(both, { tags: ['leadership', 'growth'], match: 'all', q: '' })).toBe(true)
  })

  it('counts what each tag would give if clicked now', () => {
    const posts = [post('both', ['Leadership', 'Growth']), post('one', ['leadership']), post('other', ['Hiring'])]
    const filter = { tags: ['leadership'], match: 'all' as const, q: '' }
    expect(countIfToggled(posts, filter, 'growth')).toBe(1)
    expect(countIfToggled(posts, filter, 'leadership')).toBe(3)
    expect(countIfToggled(posts, { ...filter, match: 'any' }, 'hiring')).toBe(3)
  })
})

describe('countTags', () => {
  it('counts posts per tag and shows the spelling most posts use', () => {
    const counts = countTags([post('a', ['growth', 'Influence']), post('b', ['Growth']), post('c', ['Growth'])])
    expect(counts).toEqual([
      { tag: { key: 'growth', name: 'Growth' }, count: 3 },
      { tag: { key: 'influence', name: 'Influence' }, count: 1 },
    ])
  })
})

describe('list pages in the URL', () => {
  it('reads a page number, and refuses what is not one', () => {
    expect(parseListPage(null)).toBe(1)
    expect(parseListPage('3')).toBe(3)
    expect(parseListPage('0')).toBeNull()
    expect(parseListPage('2x')).toBeNull()
    expect(parseListPage('-1')).toBeNull()
  })

  it('puts the pages of the unfiltered list and of a tag in paths, and a reader’s filter’s in the query', () => {
    expect(listHref({ filter: NO_FILTER, page: 1 })).toBe('/')
    expect(listHref({ filter: NO_FILTER, page: 3 })).toBe('/page/3/')
    expect(listHref({ filter: { ...NO_FILTER, tags: ['c++'] }, page: 2, tagRoute: 'c++' })).toBe('/blog/tags/c%2B%2B/page/2/')
    expect(listHref({ filter: { ...NO_FILTER, tags: ['growth'] }, page: 1, tagRoute: 'growth' })).toBe('/blog/tags/growth/')
    // Leaving the tag's own view leaves its path.
    expect(listHref({ filter: { ...NO_FILTER, tags: ['growth', 'hiring'] }, page: 1, tagRoute: 'growth' })).toBe('/?tags=growth,hiring')
    expect(listHref({ filter: { tags: ['a', 'b'], match: 'all', q: 'peer focus' }, page: 2 })).toBe('/?tags=a,b&match=all&q=peer+focus&page=2')
  })

  it('reads back the view of each URL', () => {
    expect(listLocation(new URLSearchParams('tags=a&page=2'), {})).toEqual({ filter: { tags: ['a'], match: 'any', q: '' }, page: 2 })
    expect(listLocation(new URLSearchParams(''), { page: '4' })).toEqual({ filter: NO_FILTER, page: 4 })
    expect(listLocation(new URLSearchParams('page=x'), {})).toMatchObject({ page: 0 })
    expect(listLocation(new URLSearchParams(''), { tag: 'Growth', page: '2' })).toEqual({ filter: { tags: ['growth'], match: 'any', q: '' }, page: 2, tagRoute: 'growth' })
  })
})
