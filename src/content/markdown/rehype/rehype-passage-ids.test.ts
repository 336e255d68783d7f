import { describe, expect, it } from 'vitest'
import { toHtml } from 'hast-util-to-html'
import { render } from '../test-pipeline.ts'
import { passageHash } from './rehype-passage-ids.ts'
import { passagesOf } from '../../post/stored-post.ts'

const html = (markdown: string) => toHtml(render(markdown).tree)

describe('passage ids', () => {
  it('gives quotes and highlights an id from their text', () => {
    const id = `q-${passageHash('you own the outcome')}`
    expect(html('> You own the outcome')).toBe(`<blockquote id="${id}">\n<p>You own the outcome</p>\n</blockquote>`)
    expect(html('{% include elements/highlight.html text="Set up check-ins" %}')).toBe(`<p><mark id="q-${passageHash('set up check-ins')}">Set up check-ins</mark></p>`)
  })

  it('keeps an id when the rest of the post changes, and numbers repeated passages', () => {
    const alone = html('> Peers first')
    const edited = html('A new intro.\n\n> Peers first\n\n> Peers first')
    const id = /id="(q-[a-z0-9]+)"/.exec(alone)![1]!
    expect(edited).toContain(`<blockquote id="${id}">`)
    expect(edited).toContain(`<blockquote id="${id}-2">`)
  })

  it('keeps an id the author set', () => {
    expect(html('> Quoted\n{: #my-quote}')).toBe('<blockquote id="my-quote">\n<p>Quoted</p>\n</blockquote>')
  })

  it('keeps an author id that is no file name as its anchor, and says it gets no page', () => {
    const { html: markup, problems, tree } = render('<blockquote id="../../../../x">Quoted</blockquote>')
    expect(markup).toBe('<blockquote id="../../../../x">Quoted</blockquote>')
    expect(problems).toEqual(['posts/test.md:1:1: The id "../../../../x" contains a slash or a backslash, so this passage gets no page or card of its own (its #link in the post works). Use letters, digits and hyphens'])
    expect(passagesOf(tree)).toEqual([{ id: '../../../../x', kind: 'quote', text: 'Quoted', sentence: 'Quoted' }])
  })

  it('gives the first 200 of 300 quotes a page, with a warning', () => {
    const { tree, problems } = render(Array.from({ length: 300 }, (_, index) => `> Quote ${index}`).join('\n\n'))
    expect(passagesOf(tree)).toHaveLength(200)
    expect(problems).toEqual(['posts/test.md:401:1: More than 200 quotes and highlights: the ones from here on have no page or card of their own, only their #link in the post'])
  })

  it('gives one page to two quotes with one id, whatever its case, with a warning', () => {
    const { tree, problems } = render('<blockquote id="intro">One</blockquote>\n\n<blockquote id="Intro">Two</blockquote>')
    expect(passagesOf(tree)).toEqual([{ id: 'intro', kind: 'quote', text: 'One', sentence: 'One' }])
    expect(problems).toEqual(['posts/test.md:3:1: Another quote or highlight has the id "Intro"; only the first gets a page of its own. Give each its own id'])
  })
})

