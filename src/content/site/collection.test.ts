import { describe, expect, it } from 'vitest'
import { buildCollection, postDataJson, routeDataFiles } from './collection.ts'
import { loadPost } from '../post/load-post.ts'
import { storePost } from '../post/stored-post.ts'
import { createPostPipeline } from '../markdown/render-markdown.ts'
import { testOptions } from '../markdown/test-pipeline.ts'
import { formatProblem } from '../post/problem.ts'

const pipeline = createPostPipeline(testOptions)
const load = (file: string, source: string) => loadPost(file, source, pipeline)
const store = (file: string, source: string) => storePost(load(file, source))

describe('loadPost', () => {
  it('takes slug and date from a Jekyll file name', () => {
    const post = load('posts/2019-02-15-learn-react-js.md', '---\ntitle: Learn React\n---\nHello')
    expect(post.summary).toMatchObject({ slug: 'learn-react-js', date: '2019-02-15', title: 'Learn React' })
  })

  it('lets a front matter date win over the file name, and `slug` over the name', () => {
    const post = load('posts/2019-02-15-x.md', '---\ntitle: X\ndate: 30 Oct 2021\nslug: better-name\n---\n')
    expect(post.summary).toMatchObject({ slug: 'better-name', date: '2021-10-30' })
  })

  it('allows a file without a date, and shows none', () => {
    expect(load('posts/undated-post.md', '---\ntitle: Undated\n---\nBody').summary.date).toBeNull()
  })

  it('takes a missing title from the file name, with a warning naming the file', () => {
    const post = load('posts/2020-01-01-grow-your-peers.md', '---\ntags: [a]\n---\nBody')
    expect(post.summary.title).toBe('Grow Your Peers')
    expect(post.problems.map(formatProblem)).toEqual([
      'posts/2020-01-01-grow-your-peers.md:1:1: No `title` in the front matter; using "Grow Your Peers" from the file name. Add `title: ...`',
    ])
  })

  it('derives the excerpt (description first), word count and reading time', () => {
    const words = Array.from({ length: 450 }, (_, index) => `word${index}`).join(' ')
    const described = load('posts/a.md', `---\ntitle: A\ndescription: Using \`git reflog\` to **save** code.\n---\n${words}`)
    expect(described.summary).toMatchObject({ excerpt: 'Using git reflog to save code.', wordCount: 450, readingMinutes: 3 })
    const plain = load('posts/b.md', `---\ntitle: B\n---\n## Heading\n\nFirst paragraph.\n\n\`\`\`js\nconst code = "not counted"\n\`\`\`\n\n${words}`)
    expect(plain.summary.excerpt).toBe(`Heading First paragraph. ${Array.from({ length: 22 }, (_, index) => `word${index}`).join(' ')}…`)
    expect(plain.summary.wordCount).toBe(453)
  })

  it('reads a post with no body and no final newline (the corpus external post)', () => {
    const post = load('posts/2015-09-25-how-to-undo.md', '---\ntitle: Undo\ntags: [External Post, Git]\nexternal_url: https://example.com/undo\n---')
    expect(post.summary).toMatchObject({ externalUrl: 'https://example.com/undo', wordCount: 0, tags: [{ name: 'External Post', key: 'external-post' }, { name: 'Git', key: 'git' }] })
    expect(post.problems).toEqual([])
  })

  it('keeps a broken post listed with its problem, title from the file name', () => {
    const post = load('posts/2020-05-05-broken-yaml.md', '---\ntitle: [oops\n---\nBody')
    expect(post.summary.title).toBe('Broken Yaml')
    expect(post.summary.error).toMatch(/^posts\/2020-05-05-broken-yaml\.md:2:\d+: Invalid YAML in front matter/)
  })

  it('reports body problems with the line of the file, front matter included', () => {
    const post = load('posts/x.md', '---\ntitle: X\n---\n\nText {{ unknown.thing }}')
    expect(post.problems.map(formatProblem)[0]).toMatch(/^posts\/x\.md:5:6: `{{ unknown.thing }}`: `unknown` is not defined, so the output is shown as written/)
  })
})

describe('buildCollection', () => {
  it('lists published posts newest first, undated last, and leaves out `published: false`', () => {
    const collection = buildCollection([
      store('posts/2019-01-01-old.md', '---\ntitle: Old\n---\n'),
      store('posts/undated.md', '---\ntitle: Undated\n---\n'),
      store('posts/2021-01-01-new.md', '---\ntitle: New\n---\n'),
      store('posts/2022-01-01-draft.md', '---\ntitle: Draft\npublished: false\n---\n'),
    ])
    expect(collection.index.posts.map((post) => post.slug)).toEqual(['new', 'old', 'undated'])
    expect([...collection.posts.keys()]).toEqual(['new', 'old', 'undated'])
    expect(collection.problems).toEqual([])
  })

  it('refuses a duplicate slug, naming both files', () => {
    const collection = buildCollection([
      store('posts/2019-01-01-same.md', '---\ntitle: One\n---\n'),
      store('posts/2020-01-01-Same.md', '---\ntitle: Two\n---\n'),
    ])
    expect(collection.index.posts.map((post) => post.title)).toEqual(['One'])
    expect(collection.problems.map(formatProblem)).toEqual([
      'posts/2020-01-01-Same.md:1:1: Duplicate slug "Same": posts/2019-01-01-same.md has it too. Rename one of the two files or give one a `slug:` in its front matter',
    ])
  })

  it('relates posts by shared tags, most shared first, then newest, never the post itself', () => {
    const collection = buildCollection([
      store('posts/2020-01-01-a.md', '---\ntitle: A\ntags: [Growth, Leadership, Hiring]\n---\n'),
      store('posts/2020-01-02-b.md', '---\ntitle: B\ntags: [Growth]\n---\n'),
      store('posts/2020-01-03-c.md', '---\ntitle: C\ntags: [Growth, Leadership]\n---\n'),
      store('posts/2020-01-04-d.md', '---\ntitle: D\ntags: [Growth]\n---\n'),
      store('posts/2020-01-05-e.md', '---\ntitle: E\ntags: [Culture]\n---\n'),
      store('posts/2020-01-06-f.md', '---\ntitle: F\ntags: [growth, hiring, leadership]\n---\n'),
    ])
    const related = (slug: string) => collection.posts.get(slug)!.related.map((post) => post.slug)
    expect(related('a')).toEqual(['f', 'c', 'd'])
    expect(related('b')).toEqual(['f', 'd', 'c'])
    expect(related('e')).toEqual([])
    expect(collection.posts.get('c')!.newer?.slug).toBe('d')
    expect(collection.posts.get('c')!.older?.slug).toBe('b')
  })

  it('writes a post\'s data file as the PostData the app reads', () => {
    const collection = buildCollection([store('posts/2020-01-01-a.md', '---\ntitle: A\n---\n## Start\n\n> Quoted\n')])
    const data = JSON.parse(postDataJson(collection.posts.get('a')!))
    expect(Object.keys(data)).toEqual(['summary', 'body', 'toc', 'newer', 'older', 'related', 'series'])
    expect(data.summary.title).toBe('A')
    expect(data.toc).toEqual([{ id: 'start', text: 'Start', depth: 2 }])
    expect(data.body.children.some((node: { tagName?: string }) => node.tagName === 'blockquote')).toBe(true)
    expect(JSON.stringify(data.body)).not.toContain('position')
  })

  it('writes the tables a URL other than /blog/<slug>/ is looked up in: permalinks and slugs', () => {
    const collection = buildCollection([
      store('posts/2019-02-15-with-permalink.md', '---\ntitle: Old\npermalink: /2019/02/:title.html\n---\nBody'),
      store('posts/2020-01-01-Plain-Post.md', '---\ntitle: Plain\n---\nBody'),
    ])
    const files = routeDataFiles(collection)
    expect(JSON.parse(files.get('permalinks.json')!)).toEqual([['/2019/02/with-permalink', 'with-permalink']])
    expect(JSON.parse(files.get('slugs.json')!)).toEqual(['Plain-Post', 'with-permalink'])
  })
})
