/**
 * The browser half of the renderer, fed by the build half: Highlight and Quote as the seed post
 * writes them, rendered to the exact HTML a reader gets.
 */
import { describe, expect, it } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import { render } from '../content/test-pipeline.ts'
import { PostBody } from './post-body.tsx'

const html = (markdown: string) => renderToStaticMarkup(<PostBody tree={render(markdown).tree} />)

describe('Highlight', () => {
  it('renders the seed post numbered-list highlight inline, as a mark', () => {
    expect(html('1. {% include elements/highlight.html text="Set up regular check-ins" %} on a specific cadence.')).toBe(
      '<ol>\n<li><mark class="highlight">Set up regular check-ins</mark> on a specific cadence.</li>\n</ol>',
    )
  })

  it('renders two highlights on one line without swallowing the text between', () => {
    expect(
      html('4. {% include elements/highlight.html text="Invite them to" %}present to your team or co-facilitate an offsite {% include elements/highlight.html text="team meetings" %}, which can help'),
    ).toBe(
      '<ol start="4">\n<li><mark class="highlight">Invite them to</mark>present to your team or co-facilitate an offsite <mark class="highlight">team meetings</mark>, which can help</li>\n</ol>',
    )
  })
})

describe('Quote', () => {
  it('renders the seed post block quote as a quote', () => {
    expect(html('> You own the outcome of your team, and your outward view helps them achieve that efficiently')).toBe(
      '<blockquote class="quote">\n<p>You own the outcome of your team, and your outward view helps them achieve that efficiently</p>\n</blockquote>',
    )
  })

  it('keeps highlights inside a quote', () => {
    expect(html('> Remember: {% include elements/highlight.html text="peers first" %}')).toBe(
      '<blockquote class="quote">\n<p>Remember: <mark class="highlight">peers first</mark></p>\n</blockquote>',
    )
  })
})
