import { describe, expect, it } from 'vitest'
import type { PostSummary } from './post-data.ts'
import { countIfToggled, countTags, matchesFilter, type ListFilter, type TagMatch } from './list-filter.ts'
import { catalogPost, computeView, decodeLook, encodeLook, selectedTagIds } from './list-view.ts'
import type { CatalogFile, ListHead } from './list-data.ts'
import { tagKey } from './tag-key.ts'

function post(slug: string, tags: string[]): PostSummary {
  return {
    slug, title: slug, date: null, tags: tags.map((name) => ({ name, key: tagKey(name) })), excerpt: '',
    wordCount: 0, readingMinutes: 1, style: null, color: null, externalUrl: null, image: null, comments: false, permalink: null,
  }
}

const POSTS = [
  post('both', ['Leadership', 'Growth']),
  post('one', ['leadership']),
  post('other', ['Hiring']),
  post('three', ['Growth', 'Hiring', 'Career']),
  post('none', []),
  post('growth', ['Growth']),
]
const head: ListHead = { v: 'test', total: POSTS.length, tags: countTags(POSTS) }
const postTags = POSTS.map((each) => each.tags.map((tag) => head.tags.findIndex((entry) => entry.tag.key === tag.key)))
const keys = head.tags.map((entry) => entry.tag.key)

/** The plain definition (list-filter.ts), one tag at a time: what computeView must agree with. */
function naive(candidates: number[], filter: ListFilter) {
  const posts = candidates.map((position) => POSTS[position]!)
  return {
    matches: candidates.filter((position) => matchesFilter(POSTS[position]!, filter)),
    counts: keys.map((key) => countIfToggled(posts, filter, key)),
    carrying: keys.map((key) => posts.filter((each) => each.tags.some((tag) => tag.key === key)).length),
  }
}

describe('computeView', () => {
  const filters: Array<[string[], TagMatch]> = []
  for (const match of ['any', 'all'] as const) {
    filters.push([[], match], [['leadership'], match], [['growth', 'hiring'], match], [['leadership', 'growth', 'career'], match], [['growth', 'no-such-tag'], match], [['no-such-tag'], match])
  }

  it.each(filters)('agrees with the plain definition for tags %j (%s), over every post and a ranked subset', (tags, match) => {
    const filter: ListFilter = { tags, match, q: '' }
    for (const candidates of [[0, 1, 2, 3, 4, 5], [3, 0, 5, 2]]) {
      expect(computeView(postTags, candidates, selectedTagIds(head, filter), match, keys.length)).toEqual(naive(candidates, filter))
    }
  })

  it('keeps the candidates’ order (a search’s ranking)', () => {
    expect(computeView(postTags, [5, 3, 0], [keys.indexOf('growth')], 'any', keys.length).matches).toEqual([5, 3, 0])
  })

  // How fast this is at 10,000 posts is the bench's tag-click figure (bench/interaction-latency.ts), not a
  // timed test; here, that its counts at that size are right.
  it('counts 10,000 posts by 40 tags as counting each post would', () => {
    const many = Array.from({ length: 10_000 }, (_, position) => [position % 40, (position * 7) % 40, (position * 13) % 40].filter((tag, index, all) => all.indexOf(tag) === index))
    const candidates = many.map((_, position) => position)
    for (const match of ['any', 'all'] as const) {
      const view = computeView(many, candidates, [3, 17], match, 40)
      const matches = candidates.filter((position) => (match === 'any' ? [3, 17].some((tag) => many[position]!.includes(tag)) : [3, 17].every((tag) => many[position]!.includes(tag))))
      expect(view.matches).toEqual(matches)
      expect(view.carrying[3]).toBe(many.filter((tags) => tags.includes(3)).length)
    }
  })
})

describe('the catalog', () => {
  it('packs a card’s style and color in one number and back', () => {
    for (const style of [null, 'fill', 'border'] as const) {
      for (const color of [null, 'primary', 'dark', 'light'] as const) expect(decodeLook(encodeLook(style, color))).toEqual({ style, color })
    }
  })

  it('gives back a card with its own tag spellings and rare fields', () => {
    const catalog: CatalogFile = {
      v: 'test', slug: ['a'], title: ['A'], date: ['2024-01-02'], minutes: [3], tags: [[keys.indexOf('leadership'), keys.indexOf('growth')]],
      look: [encodeLook('border', 'success')], names: { 0: ['leadership', 'Growth'] }, externalUrl: { 0: 'https://example.com/a' },
    }
    expect(catalogPost(catalog, head, 0, null)).toEqual({
      slug: 'a', title: 'A', date: '2024-01-02', readingMinutes: 3, style: 'border', color: 'success', externalUrl: 'https://example.com/a', permalink: null, excerpt: null,
      tags: [{ key: 'leadership', name: 'leadership' }, { key: 'growth', name: 'Growth' }],
    })
  })
})
