import { describe, expect, it } from 'vitest'
import { fromHtml } from 'hast-util-from-html'
import { findPassageText } from './passage-text.ts'

const tree = fromHtml(
  [
    '<p>Peers matter. <mark id="fragment">Invite them to</mark> present to your team, which can help. Then follow up.</p>',
    '<blockquote id="quote">\n<p>You own the outcome of your team.</p>\n<p>Second paragraph.</p>\n</blockquote>',
    '<p>It ends <mark id="across">here. And starts</mark> again.</p>',
    '<table><tr><td><mark id="cell">Weekly 1:1s</mark> with peers</td></tr></table>',
    '<p><mark id="whole">A whole sentence highlighted.</mark></p>',
  ].join(''),
  { fragment: true },
)

describe('findPassageText', () => {
  it.each([
    ['fragment', 'Invite them to present to your team, which can help.'],
    ['quote', 'You own the outcome of your team. Second paragraph.'],
    ['across', 'It ends here. And starts again.'],
    ['cell', 'Weekly 1:1s with peers'],
    ['whole', 'A whole sentence highlighted.'],
  ])('gives %s the text a link preview shows', (id, text) => {
    expect(findPassageText(tree, id)).toBe(text)
  })

  it('gives null for an id the post does not have', () => {
    expect(findPassageText(tree, 'nope')).toBeNull()
  })
})
