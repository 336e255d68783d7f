import { describe, expect, it } from 'vitest'
import { documentUrl, fileOfUrl, pageUrl } from './site-permalink.ts'

const post = { title: 'Learn React', date: '2019-02-05', categories: ['Web', 'JS'] }

describe('documentUrl', () => {
  it.each([
    ['date', '/web/js/2019/02/05/Learn-React.html'],
    ['pretty', '/web/js/2019/02/05/Learn-React/'],
    ['none', '/web/js/Learn-React.html'],
    ['ordinal', '/web/js/2019/036/Learn-React.html'],
    ['/blog/:title', '/blog/Learn-React'],
    ['/:year/:i_month/:i_day/:slug/', '/2019/2/5/learn-react/'],
    ['/:short_year/:month/:day/:hour:minute:second-:title:output_ext', '/19/02/05/000000-Learn-React.html'],
    ['/:categories/:name', '/web/js/learn-react'],
  ])('%s -> %s', (template, url) => {
    expect(documentUrl(template, post)).toBe(url)
  })

  it('leaves the categories part out when a post has none', () => {
    expect(documentUrl('date', { ...post, categories: [] })).toBe('/2019/02/05/Learn-React.html')
  })

  it('gives a collection its default `/:collection/:path:output_ext`', () => {
    expect(documentUrl('/:collection/:path:output_ext', { title: 'a', date: null, categories: [], collection: 'projects', path: 'sub/a' })).toBe('/projects/sub/a.html')
  })

  it('never leaves the site with `..`', () => {
    expect(documentUrl('/../:title/', { ...post, title: '..' })).toBe('/')
  })
})

describe('pageUrl', () => {
  it.each([
    ['about.md', null, 'date', '/about.html'],
    ['about.md', null, 'pretty', '/about/'],
    ['pages/cv.md', '/cv/', 'date', '/cv/'],
    ['docs/index.md', null, 'date', '/docs/'],
    ['index.html', null, 'date', '/'],
    ['pages/search.json', '/search.json', 'date', '/search.json'],
    ['pages/notes.md', '/:path/:basename:output_ext', 'date', '/pages/notes.html'],
  ])('%s (permalink %s, style %s) -> %s', (path, own, style, url) => {
    expect(pageUrl(path, own, style)).toBe(url)
  })
})

describe('fileOfUrl', () => {
  it.each([
    ['/', 'index.html'],
    ['/cv/', 'cv/index.html'],
    ['/2019/02/05/learn.html', '2019/02/05/learn.html'],
    ['/blog/learn', 'blog/learn/index.html'],
  ])('%s -> %s', (url, file) => {
    expect(fileOfUrl(url)).toBe(file)
  })
})
