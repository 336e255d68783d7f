import { describe, expect, it } from 'vitest'
import { postFiles } from './post-files.ts'
import type { Passage } from '../post/stored-post.ts'

const quote: Passage = { id: 'q-own', kind: 'quote', text: 'You own it', sentence: 'You own it' }
const highlight: Passage = { id: 'q-check', kind: 'highlight', text: 'Check in', sentence: 'Check in weekly.' }
const files = (highlightPages: boolean, card = true) =>
  postFiles('peers', [quote, highlight], { page: true, card, highlightPages })

describe("a post's files", () => {
  it('are its page, its card, a page and a card per block quote and a page per highlight, which uses the post\'s card', () => {
    expect(files(true)).toEqual({
      page: 'blog/peers/index.html',
      card: 'cards/peers.png',
      passages: [
        { passage: quote, page: 'blog/peers/quote/q-own/index.html', card: 'cards/peers/q-own.png' },
        { passage: highlight, page: 'blog/peers/quote/q-check/index.html', card: null },
      ],
    })
  })

  it('leave the highlights out when the site turns highlight pages off, and the card out for a post with an image', () => {
    expect(files(false, false)).toEqual({
      page: 'blog/peers/index.html',
      card: null,
      passages: [{ passage: quote, page: 'blog/peers/quote/q-own/index.html', card: 'cards/peers/q-own.png' }],
    })
  })

  it('are none for a post that only links elsewhere', () => {
    expect(postFiles('away', [quote], { page: false, card: true, highlightPages: true })).toEqual({ page: null, card: null, passages: [] })
  })
})
