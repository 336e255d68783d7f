import { describe, expect, it } from 'vitest'
import { isPostFile, parsePostFileName, slugifyPretty, titleFromSlug } from './file-name.ts'

describe('parsePostFileName', () => {
  it.each([
    ['2019-02-15-learn-react-js.md', { date: '2019-02-15', slug: 'learn-react-js' }],
    ['2021-10-6-one-digit-day.md', { date: '2021-10-06', slug: 'one-digit-day' }],
    ['2021-1-06-one-digit-month.markdown', { date: '2021-01-06', slug: 'one-digit-month' }],
    ['_posts/2017-01-01-github-flow.md', { date: '2017-01-01', slug: 'github-flow' }],
    ['grow-and-make-impact.md', { date: null, slug: 'grow-and-make-impact' }],
    ['2019-13-45-not-a-date.md', { date: null, slug: '2019-13-45-not-a-date' }],
    ['2020-02-30-no-such-day.md', { date: null, slug: '2020-02-30-no-such-day' }],
    ['2018-05-09-Four Lessons?.md', { date: '2018-05-09', slug: 'Four-Lessons' }],
    ['2020-01-01-café-ünïcode.md', { date: '2020-01-01', slug: 'café-ünïcode' }],
    ['2017-07-27-the-editor.html', { date: '2017-07-27', slug: 'the-editor' }],
  ])('%s', (fileName, expected) => {
    expect(parsePostFileName(fileName)).toEqual(expected)
  })
})

describe('isPostFile', () => {
  it.each([
    ['post.md', true],
    ['post.MARKDOWN', true],
    ['.draft.md', false],
    ['notes.txt', false],
    ['image.png', false],
    ['post.html', false],
  ])('%s -> %s', (fileName, expected) => {
    expect(isPostFile(fileName)).toBe(expected)
  })

  it('takes HTML posts when asked (a site folder, as Jekyll reads it)', () => {
    expect(['post.html', 'post.htm', 'post.md', 'notes.txt'].map((name) => isPostFile(name, { html: true }))).toEqual([true, true, true, false])
  })
})

describe('slugifyPretty and titleFromSlug', () => {
  it('keeps the characters Jekyll keeps in pretty mode', () => {
    expect(slugifyPretty('what is  a "callback"?')).toBe('what-is-a-callback')
    expect(slugifyPretty("don't-panic")).toBe("don't-panic")
  })
  it('titleizes a slug as Jekyll does for posts without a title', () => {
    expect(titleFromSlug('grow-and-make-impact')).toBe('Grow And Make Impact')
  })
})
