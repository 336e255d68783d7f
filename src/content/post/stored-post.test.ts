import { describe, expect, it } from 'vitest'
import { passagesOf } from './stored-post.ts'
import { render } from '../markdown/test-pipeline.ts'

describe('a post\'s passages', () => {
  it('gives a quote its own text and a highlight the sentence it stands in', () => {
    const { tree } = render(
      [
        '> You own the outcome of your team',
        '',
        'Peers matter. 1. {% include elements/highlight.html text="Set up regular check-ins" %} on a specific cadence. Then listen.',
        '',
        '- {% include elements/highlight.html text="A highlight alone" %}',
      ].join('\n'),
    )
    expect(passagesOf(tree).map(({ kind, text, sentence }) => ({ kind, text, sentence }))).toEqual([
      { kind: 'quote', text: 'You own the outcome of your team', sentence: 'You own the outcome of your team' },
      { kind: 'highlight', text: 'Set up regular check-ins', sentence: 'Set up regular check-ins on a specific cadence.' },
      { kind: 'highlight', text: 'A highlight alone', sentence: 'A highlight alone' },
    ])
  })

})
