import { describe, expect, it } from 'vitest'
import { OutputClaims, outputPath, routeFile, unsafeSegmentReason } from './output-paths.ts'

describe('routeFile', () => {
  it.each([
    ['/', 'index.html'],
    ['/blog/learn-react/', 'blog/learn-react/index.html'],
    ['/about', 'about/index.html'],
    ['/2021/10/old-post.html', '2021/10/old-post.html'],
    ['/blog/café/quote/q-1/', 'blog/café/quote/q-1/index.html'],
    ['/404.html', '404.html'],
  ])('%s -> %s', (path, file) => {
    expect(routeFile(path)).toBe(file)
  })

  it.each([
    ['/../../../x/', '".."'],
    ['/../index.html', '".."'],
    ['/blog/../index.html', '".."'],
    ['/blog/./', '"."'],
    ['/blog//x/', '""'],
    ['/a\\..\\b/', 'backslash'],
    ['/a\u0000b/', 'control character'],
    [`/${'x'.repeat(300)}/`, 'longer than 200 bytes'],
    ['relative/', 'does not start with "/"'],
  ])('refuses %j', (path, reason) => {
    expect(() => routeFile(path)).toThrow(reason)
  })
})

describe('unsafeSegmentReason', () => {
  it.each(['q-3k9x0a', 'learn-react', 'café', 'c++', '.net', '🙂'])('accepts %j', (segment) => {
    expect(unsafeSegmentReason(segment)).toBeNull()
  })

  it.each(['', '.', '..', 'a/b', 'a\\b', '\u0007'])('refuses %j', (segment) => {
    expect(unsafeSegmentReason(segment)).not.toBeNull()
  })
})

describe('outputPath', () => {
  it('resolves a file inside dist/', () => {
    expect(outputPath('/site/dist', 'blog/x/index.html')).toBe('/site/dist/blog/x/index.html')
  })

  it.each(['../index.html', '../../../../x/index.html', '/etc/passwd', 'blog/../../x', ''])('refuses %j', (file) => {
    expect(() => outputPath('/site/dist', file)).toThrow('is not a file inside /site/dist')
  })
})

describe('OutputClaims', () => {
  it('names both claimants when two want one file', () => {
    const claims = new OutputClaims()
    expect(claims.claim('index.html', 'the post list')).toBeNull()
    expect(claims.claim('index.html', 'posts/a.md (permalink: /index.html)')).toBe(
      'dist/index.html would be written by posts/a.md (permalink: /index.html) and by the post list. Change the slug or permalink of one of them',
    )
  })

  it('treats files differing only in case as one', () => {
    const claims = new OutputClaims()
    claims.claim('blog/Post/index.html', 'posts/a.md')
    expect(claims.claim('blog/post/index.html', 'posts/b.md')).toContain('the same file as dist/blog/Post/index.html on hosts that ignore case')
  })

  it('refuses a file where another needs a folder, either way round', () => {
    const claims = new OutputClaims()
    claims.claim('feed.xml', 'the Atom feed')
    expect(claims.claim('feed.xml/index.html', 'posts/a.md')).toContain('by posts/a.md and by the Atom feed')
    claims.claim('blog/x/index.html', 'posts/x.md')
    expect(claims.claim('blog/x', 'posts/y.md')).toContain('by posts/y.md and by posts/x.md')
  })

  it('lets different files through', () => {
    const claims = new OutputClaims()
    expect(claims.claim('blog/a/index.html', 'posts/a.md')).toBeNull()
    expect(claims.claim('blog/b/index.html', 'posts/b.md')).toBeNull()
    expect(claims.claim('blog/a/quote/q-1/index.html', 'posts/a.md')).toBeNull()
  })
})
