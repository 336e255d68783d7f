import { describe, expect, it } from 'vitest'
import MiniSearch from 'minisearch'
import { buildCollection } from '../site/collection.ts'
import { loadPost } from '../post/load-post.ts'
import { storePost } from '../post/stored-post.ts'
import { createPostPipeline } from '../markdown/render-markdown.ts'
import { testOptions } from '../markdown/test-pipeline.ts'
import { listPostFiles, readPostSource } from '../site/posts-folder.ts'
import { buildSearchFiles, indexPosts } from './search-index.ts'
import { editDistance, PREFIX_TERMS, prefixMatches, prepareDocs, queryTerms, rankByScore, refineHits, searchShards, shardIndex, shardsFor, SHORT_WORD, type SearchHits } from '../../shared/api/search-engine.ts'
import { RANKING, SEARCH_INDEXES, searchIndexOptions, searchQueryOptions, type SearchDocument, type SearchIndexName } from '../../shared/search-options.ts'
import { listFiles, type SearchDocsFile, type SearchShardFile } from '../../shared/list-data.ts'

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
  const shardsOf = (name: SearchIndexName, term: string) => shardsFor(indexes[name].docs.shards, term).map((key) => indexes[name].indexes.get(key)!)
  const hitsOf = (query: string, names: SearchIndexName[], prefixTerms?: number) =>
    searchShards(
      documents.length,
      queryTerms(query).map((term) => ({ term, sources: names.map((name) => ({ base: indexes[name].base, indexes: shardsOf(name, term) })) })),
      prefixTerms,
    )
  const listed = (hits: SearchHits) => [...hits.ranked].map((position) => ({ position, score: hits.score(position), terms: hits.terms(position) }))
  return {
    docs: indexes.first.docs,
    bodyDocs: indexes.body.docs,
    /** The terms of an index a word matches as a prefix (a short word's capped to the commonest). */
    prefixTerms: (name: SearchIndexName, term: string) => prefixMatches(shardsOf(name, term), term).map(({ index, at }) => index.terms[at]!),
    /** Both indexes together, ranked by score. */
    search: (query: string) => listed(hitsOf(query, ['first', 'body'])),
    /** The same with every prefix term, short words' too, as MiniSearch expands them. */
    uncapped: (query: string) => listed(hitsOf(query, ['first', 'body'], Infinity)),
    /** The first index alone (titles, descriptions, tags). */
    first: (query: string) => listed(hitsOf(query, ['first'])),
    /** As the reader sees them: the first results, then the body's matches below. */
    refined: (query: string) => listed(refineHits(hitsOf(query, ['first']), hitsOf(query, ['first', 'body']))),
  }
}

const QUERIES = ['peers', 'lead', 'leadrship', 'secondmnet', 'hir', 'team growth', 'outcome of your', 'zzzzqqq', 'React', 'Führung', 'c++ code', 'tem', 'grwoth', 'a']
/** Queries with a word of one or two letters, whose prefix terms are capped (SHORT_WORD, PREFIX_TERMS). */
const hasShortWord = (query: string) => queryTerms(query).some((term) => term.length <= SHORT_WORD)

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

  // Every prefix term, for the queries with a short word too ('a', 'c++ code'): the engine's scoring is
  // MiniSearch's; the cap on short words (tested below) only chooses which of those terms are scored.
  it.each(QUERIES)('finds for “%s” what MiniSearch finds in one index of everything, ranked alike', (query) => {
    const expected = full.search(query, searchQueryOptions)
    const found = hasShortWord(query) ? splitSearch().uncapped(query) : splitSearch().search(query)
    expect(found.map((hit) => hit.position)).toEqual(expected.map((result) => result.id))
    found.forEach((hit, index) => {
      expect(new Set(hit.terms)).toEqual(new Set(expected[index]!.terms))
      expect(hit.score).toBeCloseTo(expected[index]!.score, 9)
    })
  })

  it('splits a shard over the limit by its next letters, and still finds prefixes and typos after them', () => {
    const { docs, bodyDocs, search, uncapped } = splitSearch(600)
    expect(docs.shards.some((key) => key.length > 1)).toBe(true)
    expect(bodyDocs.shards.some((key) => key.length > 1)).toBe(true)
    for (const query of ['lead', 'leadrship', 'te', 't', 'team growth']) {
      const found = hasShortWord(query) ? uncapped(query) : search(query)
      expect(found.map((hit) => hit.position)).toEqual(full.search(query, searchQueryOptions).map((result) => result.id))
    }
    // A short word's capped terms are chosen over all its shards, not per shard.
    expect(search('t')).toEqual(splitSearch().search('t'))
  })

  it.each(['t', 'a', 're', 'co'])('expands the short word “%s” in each index to its own term and the commonest terms it starts, scored as MiniSearch scores them', (word) => {
    const { prefixTerms, search } = splitSearch()
    const json = full.toJSON()
    const fieldIds = json.fieldIds as Record<string, number>
    // How many posts have each term in the index's fields, from MiniSearch's own index.
    const postsWith = (name: SearchIndexName, term: string) => {
      const byField = new Map(json.index).get(term) as Record<string, Record<string, number>> | undefined
      return SEARCH_INDEXES[name].reduce((sum, field) => sum + Object.keys(byField?.[fieldIds[field]!] ?? {}).length, 0)
    }
    const starting = (name: SearchIndexName) => json.index.map(([term]) => term).filter((term) => term.startsWith(word) && postsWith(name, term) > 0)
    let capped = false
    const expected = new Map<number, number>()
    for (const name of ['first', 'body'] as const) {
      const all = starting(name)
      const kept = prefixTerms(name, word)
      capped ||= kept.length < all.length
      const commonest = all.filter((term) => term !== word).sort((a, b) => postsWith(name, b) - postsWith(name, a) || a.length - b.length || (a < b ? -1 : 1))
      expect(new Set(kept)).toEqual(new Set([...(all.includes(word) ? [word] : []), ...commonest.slice(0, PREFIX_TERMS)]))
      // Each kept term scores as MiniSearch scores it alone in those fields, weighted as its prefix matches.
      for (const term of kept) {
        const extra = term.length - word.length
        const weight = extra === 0 ? 1 : (RANKING.prefixWeight * term.length) / (term.length + 0.3 * extra)
        for (const result of full.search(term, { ...searchQueryOptions, prefix: false, fuzzy: false, fields: [...SEARCH_INDEXES[name]] })) {
          expected.set(result.id, (expected.get(result.id) ?? 0) + weight * result.score)
        }
      }
    }
    // The corpus has more terms than the cap starting with each of these, so the cap is what is tested.
    expect(capped).toBe(true)
    const found = search(word)
    const ranked = [...expected].sort((a, b) => b[1] - a[1] || a[0] - b[0])
    expect(found.map((hit) => hit.position)).toEqual(ranked.map(([position]) => position))
    found.forEach((hit, index) => expect(hit.score).toBeCloseTo(ranked[index]![1], 9))
    // A reader who has typed one letter still sees posts, and only posts the full expansion finds.
    const everything = new Set(full.search(word, searchQueryOptions).map((result) => result.id))
    expect(found.length).toBeGreaterThan(0)
    for (const hit of found) expect(everything.has(hit.position)).toBe(true)
  })

  it('keeps, of a short word’s terms, its own, then the commonest, the shortest and then term order among equals', () => {
    // Terms in shard order, each found in `posts` posts (one field).
    const shard = (entries: Array<[string, number]>) =>
      shardIndex({ v: 'v1', terms: entries.map(([term, posts]) => [term, Array.from({ length: posts }, () => [1, 1]).flat()]) })
    const one = shard([['ta', 1], ['tab', 5], ['table', 2], ['tables', 2], ['taxi', 2], ['tea', 9]])
    const other = shard([['tx', 2]])
    const kept = (term: string, limit: number) => prefixMatches([one, other], term, limit).map(({ index, at }) => index.terms[at])
    expect(kept('t', 3)).toEqual(['tea', 'tab', 'tx'])
    expect(kept('t', 4)).toEqual(['tea', 'tab', 'tx', 'taxi'])
    expect(kept('ta', 2)).toEqual(['ta', 'tab', 'taxi'])
    // Under the limit, or three letters: every term, in term order.
    expect(kept('ta', 10)).toEqual(['ta', 'tab', 'table', 'tables', 'taxi'])
    expect(kept('tab', 1)).toEqual(['tab', 'table', 'tables'])
  })

  it('expands a word of three letters or more to every term it starts', () => {
    const { prefixTerms } = splitSearch()
    const word = 'lea'
    const all = full.toJSON().index.map(([term]) => term).filter((term) => term.startsWith(word))
    expect(new Set([...prefixTerms('first', word), ...prefixTerms('body', word)])).toEqual(new Set(all))
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
