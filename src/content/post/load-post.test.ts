import { describe, expect, it } from 'vitest'
import { loadPost } from './load-post.ts'
import { createPostPipeline } from '../markdown/render-markdown.ts'
import { fileURLToPath } from 'node:url'
import { toHtml } from 'hast-util-to-html'
import { testOptions, testSite } from '../markdown/test-pipeline.ts'
import { formatProblem } from './problem.ts'

const pipeline = createPostPipeline(testOptions)
const load = (frontMatter: string, file = 'posts/2021-01-01-x.md') => {
  const post = loadPost(file, `---\ntitle: T\n${frontMatter}\n---\nBody\n`, pipeline)
  return { post, problems: post.problems.map(formatProblem) }
}

describe('slugs that cannot be a folder', () => {
  it.each([
    ['slug: ".."', 'posts/2021-01-01-x.md:3:1: `slug: ..` gives the slug "..", which is "..", which names a folder'],
    ['slug: "."', 'posts/2021-01-01-x.md:3:1: `slug: .` gives the slug ".", which is "."'],
    [`slug: ${'a'.repeat(300)}`, 'which is longer than 200 bytes'],
  ])('%s is fatal and named', (line, message) => {
    const { problems } = load(line)
    expect(problems.some((problem) => problem.includes(message))).toBe(true)
    expect(load(line).post.problems.some((problem) => problem.fatal)).toBe(true)
  })
})

describe('permalinks outside the site', () => {
  it.each(['permalink: /../../../x/', 'permalink: /../index.html', 'permalink: /a/./b/'])('%s is fatal, with its line', (line) => {
    const { post, problems } = load(line)
    expect(post.summary.permalink).toBeNull()
    expect(problems[0]).toMatch(/^posts\/2021-01-01-x\.md:3:1: `permalink: .*` cannot be published: The path ".*" cannot be a file under dist\//)
    expect(post.problems[0]!.fatal).toBe(true)
  })

  it('prints the warning of a permalink that is an address', () => {
    const { post, problems } = load('permalink: "javascript:alert(1)"')
    expect(post.summary.permalink).toBeNull()
    expect(problems).toEqual(['posts/2021-01-01-x.md:3:1: `permalink: javascript:alert(1)` cannot be a path of this blog (it is an address, has a query, or is taken by the app); the post lives at /blog/x'])
  })
})

describe('tags without a page of their own', () => {
  it('leaves out tags with no letter, only dots or too long, and says which', () => {
    const { post, problems } = load(`tags: ["?", "%", "&", ".", "..", "${'t'.repeat(300)}", ok, "🙂"]`)
    expect(post.summary.tags.map((tag) => tag.key)).toEqual(['ok', '🙂'])
    expect(problems).toEqual([
      `posts/2021-01-01-x.md:3:1: Tags "?", "%", "&", ".", ".." and 1 more left out: a tag needs a letter or digit, at most 200 bytes, and not only dots, to have a page of its own. Rename them`,
    ])
  })

  it('keeps the first 50 of 10,000 tags, with a warning', () => {
    const { post, problems } = load(`tags: [${Array.from({ length: 10_000 }, (_, index) => `t${index}`).join(', ')}]`)
    expect(post.summary.tags).toHaveLength(50)
    expect(problems).toEqual(['posts/2021-01-01-x.md:3:1: 10000 tags: only the first 50 are kept. Keep the tags a reader would filter by'])
  })
})

describe('include_relative in a post of a site folder', () => {
  const siteDir = fileURLToPath(new URL('../liquid/__fixtures__/site', import.meta.url))
  const inSite = createPostPipeline({ site: testSite({ siteDir }), media: { basePath: '/' } })

  it("resolves beside the post's own path in the site (_posts/x.md), as Jekyll does", () => {
    const post = loadPost('site/_posts/2021-01-01-x.md', '---\ntitle: T\n---\n{% include_relative ../snippets/terms.md who="readers" %}\n', inSite, {
      site: { permalink: null, path: '_posts/2021-01-01-x.md' },
    })
    expect(post.problems.map(formatProblem)).toEqual([])
    expect(toHtml(post.body)).toBe('<p><em>Terms</em> apply to readers.</p>')
  })
})
