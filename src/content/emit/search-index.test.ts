import { describe, expect, it } from 'vitest'
import MiniSearch from 'minisearch'
import { buildCollection } from '../site/collection.ts'
import { loadPost } from '../post/load-post.ts'
import { storePost } from '../post/stored-post.ts'
import { createPostPipeline } from '../markdown/render-markdown.ts'
import { testOptions } from '../markdown/test-pipeline.ts'
import { listPostFiles, readPostSource } from '../site/posts-folder.ts'
import { buildSearchFiles, indexPosts } from './search-index.ts'
import { editDistance, prepareDocs, queryTerms, searchShards, shardIndex, shardsFor } from '../../shared/api/search-engine.ts'
import { searchIndexOptions, searchQueryOptions, type SearchDocument } from '../../shared/search-options.ts'
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

/** The split index as the browser reads it: a query runs over the shards its words need. */
function splitSearch(limit?: number) {
  const files = buildSearchFiles(collection, 'v1', limit)
  const docs = JSON.parse(files.get(listFiles.searchDocs)!) as SearchDocsFile
  const base = prepareDocs(docs)
  const indexes = new Map(docs.shards.map((key) => [key, shardIndex(JSON.parse(files.get(listFiles.searchShard(key))!) as SearchShardFile)]))
  return {
    docs,
    search: (query: string) => {
      const words = queryTerms(query).map((term) => ({ term, indexes: shardsFor(docs.shards, term).map((key) => indexes.get(key)!) }))
      const hits = searchShards(base, words)
      return [...hits.ranked].map((position) => ({ position, score: hits.score(position), terms: hits.terms(position) }))
    },
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
    const { docs, search } = splitSearch(600)
    expect(docs.shards.some((key) => key.length > 1)).toBe(true)
    for (const query of ['lead', 'leadrship', 'te', 't', 'team growth']) {
      expect(search(query).map((hit) => hit.position)).toEqual(full.search(query, searchQueryOptions).map((result) => result.id))
    }
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
