import { describe, expect, it } from 'vitest'
import MiniSearch from 'minisearch'
import { buildCollection } from '../site/collection.ts'
import { loadPost } from '../post/load-post.ts'
import { storePost } from '../post/stored-post.ts'
import { createPostPipeline } from '../markdown/render-markdown.ts'
import { testOptions } from '../markdown/test-pipeline.ts'
import { listPostFiles, readPostSource } from '../site/posts-folder.ts'
import { buildSearchFiles, FIRST_PAGE_MAX_LETTERS, indexPosts } from './search-index.ts'
import { buildListData } from './list-data.ts'
import { editDistance, prepareDocs, queryTerms, rankByScore, refineHits, searchShards, shardIndex, shardsFor, type SearchHits } from '../../shared/api/search-engine.ts'
import { searchIndexOptions, searchQueryOptions, type SearchDocument, type SearchIndexName } from '../../shared/search-options.ts'
import { listFiles, PAGE_SIZE, type FirstPageFile, type SearchDocsFile, type SearchShardFile } from '../../shared/list-data.ts'

const pipeline = createPostPipeline(testOptions)
const collection = buildCollection([
  ...listPostFiles('posts').map((path) => {
    const { file, source } = readPostSource(path)
    return storePost(loadPost(file, source, pipeline))
  }),
  ...listPostFiles('e2e/fixtures/jekyll-blog/_posts').map((path) => {
    const { file, source } = readPostSource(path)
    return storePost(loadPost(file, source, pipeline))
  }),
])
const documents = collection.index.posts.map((summary, position) => ({
  id: position,
  title: summary.title,
  description: summary.excerpt,
  tags: summary.tags.map((tag) => tag.name).join(' '),
  body: collection.posts.get(summary.slug)!.post.text,
}))
const full = new MiniSearch<SearchDocument>(searchIndexOptions)
full.addAll(documents)

/** The split indexes as the browser reads them: a query runs over the shards its words need, in the indexes named. */
function splitSearch(limit?: number) {
  const files = buildSearchFiles(collection, 'v1', limit === undefined ? {} : { first: limit, body: limit })
  const read = (index: SearchIndexName) => {
    const docs = JSON.parse(files.get(listFiles.searchDocs(index))!) as SearchDocsFile
    const indexes = new Map(docs.shards.map((key) => [key, shardIndex(JSON.parse(files.get(listFiles.searchShard(index, key))!) as SearchShardFile)]))
    return { docs, base: prepareDocs(docs), indexes }
  }
  const indexes = { first: read('first'), body: read('body') }
  const hitsOf = (query: string, names: SearchIndexName[]) =>
    searchShards(
      documents.length,
      queryTerms(query).map((term) => ({
        term,
        sources: names.map((name) => ({ base: indexes[name].base, indexes: shardsFor(indexes[name].docs.shards, term).map((key) => indexes[name].indexes.get(key)!) })),
      })),
    )
  const listed = (hits: SearchHits) => [...hits.ranked].map((position) => ({ position, score: hits.score(position), terms: hits.terms(position) }))
  return {
    docs: indexes.first.docs,
    bodyDocs: indexes.body.docs,
    /** Both indexes together, ranked by score. */
    search: (query: string) => listed(hitsOf(query, ['first', 'body'])),
    /** The first index alone (titles, descriptions, tags). */
    first: (query: string) => listed(hitsOf(query, ['first'])),
    /** As the reader sees them: the first results, then the body's matches below. */
    refined: (query: string) => listed(refineHits(hitsOf(query, ['first']), hitsOf(query, ['first', 'body']))),
  }
}

const QUERIES = ['peers', 'lead', 'leadrship', 'secondmnet', 'hir', 'team growth', 'outcome of your', 'zzzzqqq', 'React', 'Führung', 'c++ code', 'tem', 'grwoth', 'a']

describe('the search index', () => {
  it('indexes as MiniSearch does: the same terms, frequencies and field lengths', () => {
    const json = full.toJSON()
    const mine = indexPosts(documents)
    expect(mine.lengths).toEqual(Object.values(json.fieldLength).flat())
    expect(mine.average).toEqual(json.averageFieldLength)
    expect(Object.fromEntries([...mine.postings].map(([term, byField]) => [term, Object.fromEntries(byField.flatMap((frequencies, field) => (frequencies ? [[field, Object.fromEntries(frequencies)]] : [])))]))).toEqual(
      Object.fromEntries(json.index),
    )
  })

  it.each(QUERIES)('finds for “%s” what MiniSearch finds in one index of everything, ranked alike', (query) => {
    const expected = full.search(query, searchQueryOptions)
    const found = splitSearch().search(query)
    expect(found.map((hit) => hit.position)).toEqual(expected.map((result) => result.id))
    found.forEach((hit, index) => {
      expect(new Set(hit.terms)).toEqual(new Set(expected[index]!.terms))
      expect(hit.score).toBeCloseTo(expected[index]!.score, 9)
    })
  })

  it('splits a shard over the limit by its next letters, and still finds prefixes and typos after them', () => {
    const { docs, bodyDocs, search } = splitSearch(600)
    expect(docs.shards.some((key) => key.length > 1)).toBe(true)
    expect(bodyDocs.shards.some((key) => key.length > 1)).toBe(true)
    for (const query of ['lead', 'leadrship', 'te', 't', 'team growth']) {
      expect(search(query).map((hit) => hit.position)).toEqual(full.search(query, searchQueryOptions).map((result) => result.id))
    }
  })

  it('gives first results from titles, descriptions and tags alone, as MiniSearch over those fields', () => {
    const firstFields = new MiniSearch<SearchDocument>({ ...searchIndexOptions, fields: ['title', 'description', 'tags'] })
    firstFields.addAll(documents)
    for (const query of ['peers', 'lead', 'team growth', 'hir']) {
      const expected = firstFields.search(query, searchQueryOptions)
      const found = splitSearch().first(query)
      expect(found.map((hit) => hit.position)).toEqual(expected.map((result) => result.id))
      found.forEach((hit, index) => expect(hit.score).toBeCloseTo(expected[index]!.score, 9))
    }
  })

  it('writes the first page of each word of up to three letters with its cards, as the browser ranks it from the shards', () => {
    const cards = buildListData(collection.index.posts).cards.flat()
    // Small shards, so a word's shards are several (and its page is ranked over all of them).
    const files = buildSearchFiles(collection, 'v1', { first: 600 }, cards, 0)
    const docs = JSON.parse(files.get(listFiles.searchDocs('first'))!) as SearchDocsFile
    const { first } = splitSearch(600)
    expect(docs.pages).toEqual(expect.arrayContaining(['t', 'te', 'p', 'pe']))
    for (const word of docs.pages!) {
      expect([...word].length).toBeLessThanOrEqual(FIRST_PAGE_MAX_LETTERS)
      const page = JSON.parse(files.get(listFiles.firstPage(word))!) as FirstPageFile
      const expected = first(word).slice(0, PAGE_SIZE).map((hit) => hit.position)
      expect(page.positions).toEqual(expected)
      expect(page.cards).toEqual(expected.map((position) => cards[position]))
      expect(page.v).toBe('v1')
    }
    // Longer words are left to the card chunks; without the cards, no page is written.
    expect(docs.pages).toContain('tea')
    expect(docs.pages).not.toContain('team')
    expect(JSON.parse(buildSearchFiles(collection, 'v1').get(listFiles.searchDocs('first'))!)).not.toHaveProperty('pages')
  })

  it('names every search file by its words’ code points, whatever words a post has', () => {
    const source = [
      '---',
      'title: "../../etc/passwd a/b <script>alert(1)</script> CON nul \u202Eevil 日本語 🙂 .. %2e%2e%2f"',
      'description: "..\\..\\windows ~/.ssh ?#*:| a\u0000b"',
      '---',
      '',
      '../../outside /tmp/x C:\\Windows <img src=x onerror=alert(1)> \u200Dzero width',
    ].join('\n')
    const hostile = buildCollection([storePost(loadPost('_posts/2024-01-01-hostile.md', source, pipeline))])
    const files = buildSearchFiles(hostile, 'v1', { first: 100, body: 100 }, buildListData(hostile.index.posts).cards.flat(), 0)
    expect([...files.keys()].some((path) => path.includes('/pages/'))).toBe(true)
    for (const path of files.keys()) expect(path).toMatch(/^search\/(first|body)\/(docs|(pages\/)?[0-9a-f]+(-[0-9a-f]+)*)\.json$/)
  })

  it('writes no first pages for a list that loads every card on a pause (up to 2,000 posts)', () => {
    const cards = buildListData(collection.index.posts).cards.flat()
    const files = buildSearchFiles(collection, 'v1', { first: 600 }, cards)
    expect(JSON.parse(files.get(listFiles.searchDocs('first'))!)).not.toHaveProperty('pages')
    expect([...files.keys()].filter((path) => path.includes('/pages/'))).toEqual([])
  })

  it('refines the first results without moving them: body-only matches come below, best first', () => {
    const { first, refined, search } = splitSearch()
    // "team" is in titles and in many bodies only.
    const shown = first('team').map((hit) => hit.position)
    const all = refined('team').map((hit) => hit.position)
    expect(shown.length).toBeGreaterThan(0)
    expect(all.length).toBeGreaterThan(shown.length)
    expect(all.slice(0, shown.length)).toEqual(shown)
    // Every post both indexes find, no more.
    expect(new Set(all)).toEqual(new Set(search('team').map((hit) => hit.position)))
    const below = refined('team').slice(shown.length)
    expect(below.map((hit) => hit.score)).toEqual([...below.map((hit) => hit.score)].sort((a, b) => b - a))
    // A title match comes before a post that has the word only in its body.
    const titled = documents.findIndex((document) => /\bteam\b/i.test(document.title))
    const bodyOnly = documents.findIndex((document) => !/team/i.test(`${document.title} ${document.description} ${document.tags}`) && /\bteam\b/i.test(document.body))
    expect(titled).toBeGreaterThanOrEqual(0)
    expect(bodyOnly).toBeGreaterThanOrEqual(0)
    expect(all.indexOf(titled)).toBeLessThan(all.indexOf(bodyOnly))
  })

  it('finds a Japanese post by one of its words, from the index the build made', () => {
    const japanese = { title: '京都で過ごした週末', description: '古い寺と新しい仕事について', tags: '旅行', body: '週末に京都の寺を訪ねました。静かな庭がありました。' }
    const data = indexPosts([japanese])
    for (const word of ['京都', '寺', '仕事', '旅行', '庭']) expect(data.postings.has(word)).toBe(true)
  })

  it('ranks by score, best first, list order among equal scores', () => {
    const scores = Float64Array.from([0, 2.5, 0, 1e-9, 7, 2.5, 1e6, 2.5, 0.1, 7, 0])
    expect([...rankByScore(scores)]).toEqual([6, 4, 9, 1, 5, 7, 8, 3])
    expect([...rankByScore(new Float64Array(3))]).toEqual([])
    // As a comparison sort gives, over many scores of similar size (their high bits equal).
    const random = Float64Array.from({ length: 5000 }, (_, index) => (index % 13 === 0 ? 0 : 1 + (Math.sin(index) + 1) * (index % 5)))
    const hits = [...random.keys()].filter((position) => random[position]! > 0)
    expect([...rankByScore(random)]).toEqual(hits.sort((a, b) => random[b]! - random[a]! || a - b))
  })

  it('counts edits as Levenshtein does, and stops past the limit', () => {
    expect(editDistance('leadrship', 'leadership', 2)).toBe(1)
    expect(editDistance('secondmnet', 'secondment', 2)).toBe(2)
    expect(editDistance('team', 'mate', 1)).toBe(2)
    // Its rows are reused between calls: a long word, then short ones, then an empty one.
    expect(editDistance('organisational', 'organizational-change-management', 40)).toBe(19)
    expect(editDistance('abc', 'abd', 2)).toBe(1)
    expect(editDistance('', 'ab', 3)).toBe(2)
    expect(editDistance('ab', '', 3)).toBe(2)
  })

  it('loads for a word only the shards that may hold it', () => {
    expect(shardsFor(['a', 'c', 'ca', 'co', 'l'], 'coach')).toEqual(['c', 'co'])
    expect(shardsFor(['a', 'c', 'ca', 'co', 'l'], 'c')).toEqual(['c', 'ca', 'co'])
    expect(shardsFor(['a', 'c', 'l'], 'zebra')).toEqual([])
  })

  it('does not find a typo in a word’s first letter (its shard is another)', () => {
    expect(full.search('xeam', searchQueryOptions).length).toBeGreaterThan(0)
    expect(splitSearch().search('xeam')).toEqual([])
  })
})
