/**
 * The browser half of the renderer, fed by the build half: Highlight and Quote as the seed post
 * writes them, rendered to the exact HTML a reader gets.
 */
import { describe, expect, it } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import { render } from '../content/markdown/test-pipeline.ts'
import { passageHash } from '../content/markdown/rehype/rehype-passage-ids.ts'
import { PostBody } from './post-body.tsx'
import { PostContext } from './post-context.ts'

const html = (markdown: string) => renderToStaticMarkup(<PostBody tree={render(markdown).tree} />)
const id = (text: string) => `q-${passageHash(text.toLowerCase())}`

describe('Highlight', () => {
  it('renders the seed post numbered-list highlight inline, as a mark', () => {
    expect(html('1. {% include elements/highlight.html text="Set up regular check-ins" %} on a specific cadence.')).toBe(
      `<ol>\n<li><mark id="${id('Set up regular check-ins')}" class="highlight">Set up regular check-ins</mark> on a specific cadence.</li>\n</ol>`,
    )
  })

  it('renders two highlights on one line without swallowing the text between', () => {
    expect(
      html('4. {% include elements/highlight.html text="Invite them to" %}present to your team or co-facilitate an offsite {% include elements/highlight.html text="team meetings" %}, which can help'),
    ).toBe(
      `<ol start="4">\n<li><mark id="${id('Invite them to')}" class="highlight">Invite them to</mark>present to your team or co-facilitate an offsite <mark id="${id('team meetings')}" class="highlight">team meetings</mark>, which can help</li>\n</ol>`,
    )
  })
})

describe('Quote', () => {
  const quote = 'You own the outcome of your team, and your outward view helps them achieve that efficiently'

  it('renders the seed post block quote as a quote', () => {
    expect(html(`> ${quote}`)).toBe(`<blockquote id="${id(quote)}" class="quote">\n<p>${quote}</p>\n</blockquote>`)
  })

  it('keeps highlights inside a quote', () => {
    expect(html('> Remember: {% include elements/highlight.html text="peers first" %}')).toBe(
      `<blockquote id="${id('Remember: peers first')}" class="quote">\n<p>Remember: <mark id="${id('peers first')}" class="highlight">peers first</mark></p>\n</blockquote>`,
    )
  })

  it('links to its own quote page inside a post', () => {
    const markup = renderToStaticMarkup(
      <PostContext.Provider value={{ slug: 'peer-focus', title: 'Peer focus' }}>
        <PostBody tree={render(`> ${quote}`).tree} />
      </PostContext.Provider>,
    )
    expect(markup).toContain(`<a class="passage-link" data-ui="" href="/blog/peer-focus/quote/${id(quote)}/" aria-label="Copy a link to this quote">`)
  })
})
