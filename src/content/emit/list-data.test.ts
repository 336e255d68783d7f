import { describe, expect, it } from 'vitest'
import { buildCollection } from '../site/collection.ts'
import { loadPost } from '../post/load-post.ts'
import { storePost } from '../post/stored-post.ts'
import { createPostPipeline } from '../markdown/render-markdown.ts'
import { testOptions } from '../markdown/test-pipeline.ts'
import { listPostFiles, readPostSource } from '../site/posts-folder.ts'
import { buildListData, emitListFiles, listDataFiles, staticViews, tagPages } from './list-data.ts'
import { indexPages } from '../prerender/prerender.ts'
import { catalogPost } from '../../shared/list-view.ts'
import { listKeys, PAGE_SIZE } from '../../shared/list-data.ts'

const pipeline = createPostPipeline(testOptions)
const samples = listPostFiles('posts').map((path) => {
  const { file, source } = readPostSource(path)
  return storePost(loadPost(file, source, pipeline))
})
// Enough posts for three pages, with the spellings, links and permalinks real blogs have.
const extra = Array.from({ length: 45 }, (_, index) => {
  const day = String((index % 28) + 1).padStart(2, '0')
  const tags = index % 3 === 0 ? '[growth, Hiring]' : index % 3 === 1 ? '[Growth]' : '[Remote Work]'
  const more = index === 7 ? 'external_url: https://example.com/seven\n' : index === 8 ? 'permalink: /2020/old-eight/\n' : ''
  return storePost(loadPost(`posts/2020-01-${day}-extra-${index}.md`, `---\ntitle: Extra ${index}\ntags: ${tags}\n${more}---\nBody of extra ${index}: team growth.\n`, pipeline))
})
const collection = buildCollection([...samples, ...extra])
const posts = collection.index.posts

describe('the list data', () => {
  const data = buildListData(posts)

  it('has a head with every tag and its count, and one file per page of the unfiltered list', () => {
    expect(data.head.total).toBe(posts.length)
    const growth = posts.filter((post) => post.tags.some((tag) => tag.key === 'growth')).length
    expect(growth).toBeGreaterThan(30)
    expect(data.head.tags.find((entry) => entry.tag.key === 'growth')).toEqual({ tag: { key: 'growth', name: 'Growth' }, count: growth })
    expect(data.all.map((page) => page.posts.length)).toEqual([PAGE_SIZE, PAGE_SIZE, posts.length - 2 * PAGE_SIZE])
    expect(data.all.flatMap((page) => page.posts.map((post) => post.slug))).toEqual(posts.map((post) => post.slug))
    expect(data.all[0]!.counts).toEqual(data.head.tags.map((entry) => entry.count))
  })

  it('has each tag’s pages, newest first, with what each other tag would add', () => {
    const hiring = data.byTag.get('hiring')!
    const tagged = posts.filter((post) => post.tags.some((tag) => tag.key === 'hiring'))
    expect(hiring.flatMap((page) => page.posts.map((post) => post.slug))).toEqual(tagged.map((post) => post.slug))
    const remote = data.head.tags.findIndex((entry) => entry.tag.key === 'remote-work')
    const either = posts.filter((post) => post.tags.some((tag) => tag.key === 'hiring' || tag.key === 'remote-work')).length
    expect(hiring[0]!.counts[remote]).toBe(either)
    // Taking the tag out again shows every post.
    expect(hiring[0]!.counts[data.head.tags.findIndex((entry) => entry.tag.key === 'hiring')]).toBe(posts.length)
  })

  it('keeps in the catalog everything a card shows but its excerpt', () => {
    for (const [position, post] of posts.entries()) {
      const { excerpt, ...card } = data.all[Math.floor(position / PAGE_SIZE)]!.posts[position % PAGE_SIZE]!
      expect(catalogPost(data.catalog, data.head, position, null)).toEqual({ ...card, excerpt: null })
      expect(excerpt).toBe(post.excerpt)
      // The chunk of cards a computed view loads has the same card, excerpt and all.
      expect(data.cards[Math.floor(position / PAGE_SIZE)]![position % PAGE_SIZE]).toEqual({ ...card, excerpt })
    }
    // A post spelling a tag its own way keeps its spelling on its card.
    const lower = posts.findIndex((post) => post.tags.some((tag) => tag.name === 'growth'))
    expect(catalogPost(data.catalog, data.head, lower, null).tags.map((tag) => tag.name)).toContain('growth')
    expect(catalogPost(data.catalog, data.head, posts.findIndex((post) => post.slug === 'extra-7'), null).externalUrl).toBe('https://example.com/seven')
  })

  it('has the first page of every tag in one file, each card once', () => {
    const file = tagPages(data)
    expect(file.views).toHaveLength(data.head.tags.length)
    data.head.tags.forEach(({ tag }, id) => {
      const { total, counts, posts: places } = file.views[id]!
      expect({ v: file.v, total, counts, posts: places.map((place) => file.cards[place]) }).toEqual(data.byTag.get(tag.key)![0])
    })
    expect(new Set(file.cards.map((card) => card.slug)).size).toBe(file.cards.length)
  })

  it('versions the post order: the same posts give the same version, another order another', () => {
    expect(buildListData([...posts]).head.v).toBe(data.head.v)
    expect(buildListData([...posts].reverse()).head.v).not.toBe(data.head.v)
  })

  it('writes its files under list/ and the search under search/, every one with the version', () => {
    const files = emitListFiles(collection)
    expect([...files.keys()].filter((path) => path.startsWith('list/all/'))).toEqual(['list/all/1.json', 'list/all/2.json', 'list/all/3.json'])
    expect(files.has('list/tag/remote-work/1.json')).toBe(true)
    expect(files.has('list/cards/2.json')).toBe(true)
    expect(files.has('search/first/docs.json')).toBe(true)
    expect(files.has('search/body/docs.json')).toBe(true)
    for (const text of files.values()) expect(JSON.parse(text).v).toBe(data.head.v)
    expect(files.has('list/tag-pages.json')).toBe(true)
    expect(JSON.parse(files.get('list/cards/1.json')!).cards.map((card: { slug: string }) => card.slug)).toEqual(posts.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((post) => post.slug))
    expect(JSON.parse(files.get('list/post-tags.json')!).tags).toEqual(data.catalog.tags)
    expect(listDataFiles(data).size).toBe(4 + staticViews(data).length + data.cards.length)
  })

  it('prerenders every page of the list and of each tag with only the head and its own page inlined', () => {
    const pages = indexPages(collection)
    const list = pages.filter((page) => page.data.some(([key]) => key[1] === 'list'))
    expect(list.map((page) => page.path)).toEqual(
      expect.arrayContaining(['/', '/page/2/', '/page/3/', '/blog/tags/', '/blog/tags/remote-work/', '/blog/tags/growth/page/2/']),
    )
    expect(pages.find((page) => page.path === '/page/3/')!.file).toBe('page/3/index.html')
    const home = pages.find((page) => page.path === '/')!
    expect(home.data).toEqual([
      [listKeys.head(), data.head],
      [listKeys.view(data.head.v, { kind: 'all' }, 1), data.all[0]],
    ])
    expect(JSON.stringify(home.data).length).toBeLessThan(JSON.stringify(collection.index).length / 2)
  })
})
