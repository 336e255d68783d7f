import { describe, expect, it } from 'vitest'
import { expandPermalink } from './permalink.ts'
import { permalinkKey } from '../../shared/permalink-key.ts'

describe('expandPermalink', () => {
  const post = { slug: 'learn-react', date: '2019-02-05' }
  it.each([
    ['/blog/:title', '/blog/learn-react'],
    ['/:year/:month/:day/:title/', '/2019/02/05/learn-react/'],
    ['/:year/:i_month/:i_day/:slug.html', '/2019/2/5/learn-react.html'],
    ['my-post', '/my-post'],
    ['/:categories/:title/', '/learn-react/'],
    ['/old//path/', '/old/path/'],
  ])('%s -> %s', (permalink, expected) => {
    expect(expandPermalink(permalink, post)).toBe(expected)
  })

  it.each(['https://elsewhere.example/x', '/', '/blog/tags', '/data/index.json', '/x?y=1'])('refuses %s', (permalink) => {
    expect(expandPermalink(permalink, post)).toBeNull()
  })
})

describe('permalinkKey', () => {
  it.each([
    ['/my-post/', '/my-post'],
    ['/my-post.html', '/my-post'],
    ['/2019/my-post/index.html', '/2019/my-post'],
    ['/', '/'],
  ])('%s -> %s', (path, key) => expect(permalinkKey(path)).toBe(key))
})
