import { describe, expect, it } from 'vitest'
import { toHtml } from 'hast-util-to-html'
import { render } from '../test-pipeline.ts'
import { passageHash } from './rehype-passage-ids.ts'

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
})
