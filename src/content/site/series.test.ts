import { describe, expect, it } from 'vitest'
import { archiveDataFiles, buildCollection, postDataJson } from './collection.ts'
import { loadPost } from '../post/load-post.ts'
import { storePost } from '../post/stored-post.ts'
import { createPostPipeline } from '../markdown/render-markdown.ts'
import { testOptions } from '../markdown/test-pipeline.ts'
import { formatProblem } from '../post/problem.ts'
import type { PostData } from '../../shared/post-data.ts'

const pipeline = createPostPipeline(testOptions)
const store = (file: string, frontMatter: string) => storePost(loadPost(file, `---\n${frontMatter}\n---\nBody`, pipeline))
const partsOf = (data: PostData) => data.series!.parts.map((part) => part.slug)

describe('series', () => {
  it('orders parts by date, oldest first, and tells each post which part it is', () => {
    const collection = buildCollection([
      store('posts/2021-03-01-third.md', 'title: Third\nseries: Delivery'),
      store('posts/2021-01-01-first.md', 'title: First\nseries: Delivery'),
      store('posts/2021-02-01-second.md', 'title: Second\nseries: delivery'),
      store('posts/2021-02-15-other.md', 'title: Other'),
    ])
    const second = JSON.parse(postDataJson(collection.posts.get('second')!)) as PostData
    expect(partsOf(second)).toEqual(['first', 'second', 'third'])
    expect(second.series).toMatchObject({ name: 'Delivery', key: 'delivery', position: 1 })
    expect((JSON.parse(postDataJson(collection.posts.get('other')!)) as PostData).series).toBeNull()
  })

  it('puts parts with a series_order first, in that order, then the others by date', () => {
    const collection = buildCollection([
      store('posts/2021-01-01-a.md', 'title: A\nseries: S\nseries_order: 2'),
      store('posts/2021-02-01-b.md', 'title: B\nseries: S\nseries_order: 1'),
      store('posts/2020-01-01-c.md', 'title: C\nseries: S'),
    ])
    expect(partsOf(JSON.parse(postDataJson(collection.posts.get('a')!)) as PostData)).toEqual(['b', 'a', 'c'])
  })

  it('warns about a series_order that is not a number, naming the line', () => {
    const post = loadPost('posts/x.md', '---\ntitle: X\nseries: S\nseries_order: second\n---\nBody', pipeline)
    expect(post.problems.map(formatProblem)).toEqual(['posts/x.md:4:15: `series_order` should be a number, found "second"; it is ignored. Write `series_order: 2`'])
    expect(post.series).toEqual({ name: 'S', order: null })
  })

  it('writes a file per series with its parts and their excerpts', () => {
    const collection = buildCollection([
      store('posts/2021-01-01-first.md', 'title: First\nseries: Measuring delivery\ndescription: Start here'),
      store('posts/2021-02-01-second.md', 'title: Second\nseries: Measuring delivery'),
    ])
    const series = JSON.parse(archiveDataFiles(collection).get('series/measuring-delivery.json')!)
    expect(series.name).toBe('Measuring delivery')
    expect(series.parts.map((part: { title: string; excerpt: string }) => [part.title, part.excerpt])).toEqual([
      ['First', 'Start here'],
      ['Second', 'Body'],
    ])
  })
})

describe('archive', () => {
  it('counts dated posts by year and month, newest first, and writes one file per year', () => {
    const collection = buildCollection([
      store('posts/2023-05-02-a.md', 'title: A'),
      store('posts/2023-05-20-b.md', 'title: B'),
      store('posts/2023-11-01-c.md', 'title: C'),
      store('posts/2024-01-09-d.md', 'title: D'),
      store('posts/undated.md', 'title: Undated'),
    ])
    const files = archiveDataFiles(collection)
    expect(JSON.parse(files.get('archive/index.json')!)).toEqual({
      years: [
        { year: '2024', count: 1, months: [{ month: '01', count: 1 }] },
        { year: '2023', count: 3, months: [{ month: '11', count: 1 }, { month: '05', count: 2 }] },
      ],
      undated: 1,
    })
    const year = JSON.parse(files.get('archive/2023.json')!)
    expect(year.months.map((month: { month: string; posts: Array<{ title: string }> }) => [month.month, month.posts.map((post) => post.title)])).toEqual([
      ['11', ['C']],
      ['05', ['B', 'A']],
    ])
    expect([...files.keys()].filter((name) => name.startsWith('archive/'))).toEqual(['archive/index.json', 'archive/2024.json', 'archive/2023.json'])
  })
})

describe('the archive and series addresses', () => {
  it('refuses a post whose slug would take the archive page', () => {
    const collection = buildCollection([store('posts/2021-01-01-archive.md', 'title: Archive of old talks')])
    expect(collection.problems.map(formatProblem)).toEqual([
      'posts/2021-01-01-archive.md:1:1: The slug "archive" is the address of the blog\'s archive pages (/blog/archive/). Rename the file or give the post a `slug:` in its front matter',
    ])
    expect(collection.posts.size).toBe(0)
  })
})
