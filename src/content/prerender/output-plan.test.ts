import { describe, expect, it } from 'vitest'
import { claimOutputs, highlightPageCount, planOutputs } from './output-plan.ts'
import { buildCollection } from '../site/collection.ts'
import { loadPost } from '../post/load-post.ts'
import { storePost } from '../post/stored-post.ts'
import { createPostPipeline } from '../markdown/render-markdown.ts'
import { testOptions } from '../markdown/test-pipeline.ts'
import { formatProblem } from '../post/problem.ts'

const pipeline = createPostPipeline(testOptions)
const post = (file: string, frontMatter: string, body = 'Text.') => storePost(loadPost(file, `---\ntitle: T\n${frontMatter}\n---\n${body}\n`, pipeline))
const claim = (...posts: ReturnType<typeof post>[]) =>
  claimOutputs(buildCollection(posts), [['feed.xml', "the build's own feed.xml"]], { highlightPages: true }).map(formatProblem)

describe('claimOutputs', () => {
  it('lets posts with their own paths through', () => {
    expect(claim(post('posts/a.md', 'tags: [x]', '> A quote'), post('posts/b.md', 'permalink: /2021/b/'))).toEqual([])
  })

  it('lets a permalink that is the post\'s own page through', () => {
    expect(claim(post('posts/a.md', 'permalink: /blog/:title/'))).toEqual([])
  })

  // A post's own files are claimed before any permalink page, so its problem comes first.
  it('names the post that moves onto the home page, the not-found page, another post or a feed', () => {
    expect(
      claim(
        post('posts/home.md', 'permalink: /index.html'),
        post('posts/missing.md', 'permalink: /404.html'),
        post('posts/victim.md', ''),
        post('posts/thief.md', 'permalink: /blog/victim/'),
        post('posts/feed.md', 'permalink: /feed.xml/'),
        post('posts/tags.md', 'slug: tags'),
      ),
    ).toEqual([
      "posts/tags.md: dist/blog/tags/index.html would be written by posts/tags.md (slug: tags) and by the tags page. Change the slug or permalink of one of them",
      "posts/feed.md: dist/feed.xml/index.html (one of dist/feed.xml/index.html and dist/feed.xml needs the other's name as a folder) would be written by posts/feed.md (permalink: /feed.xml/) and by the build's own feed.xml. Change the slug or permalink of one of them",
      "posts/home.md: dist/index.html would be written by posts/home.md (permalink: /index.html) and by the post list's page 1. Change the slug or permalink of one of them",
      'posts/missing.md: dist/404.html would be written by posts/missing.md (permalink: /404.html) and by the not-found page. Change the slug or permalink of one of them',
      'posts/thief.md: dist/blog/victim/index.html would be written by posts/thief.md (permalink: /blog/victim/) and by posts/victim.md (slug: victim). Change the slug or permalink of one of them',
    ])
  })
})

describe('highlightPageCount', () => {
  it('counts what highlight pages add to the plan: one a highlight, none for a quote', () => {
    const highlight = (text: string) => `{% include elements/highlight.html text="${text}" %}`
    const collection = buildCollection([
      post('posts/a.md', '', `${highlight('One')} and ${highlight('two')}.\n\n> A quote`),
      post('posts/b.md', '', `${highlight('Three')}.`),
      post('posts/c.md', ''),
    ])
    const files = (highlightPages: boolean) => planOutputs(collection, [], { highlightPages }).files.length
    expect(highlightPageCount(collection)).toBe(3)
    expect(files(true) - files(false)).toBe(3)
  })
})
