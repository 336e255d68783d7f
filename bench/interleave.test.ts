import { describe, expect, it } from 'vitest'
import { abbaRounds, fieldAfter, keystrokeKeys } from './interleave.ts'

describe('abbaRounds', () => {
  it('alternates which side goes first: A B, B A, A B, ...', () => {
    expect(abbaRounds(60, 6).map((block) => 'AB'[block.side]).join('')).toBe('ABBAABBAABBA')
  })

  it('gives each side every interaction once, in order', () => {
    for (const [interactions, rounds] of [[60, 6], [60, 4], [61, 4], [3, 6]] as const) {
      for (const side of [0, 1]) {
        const done = abbaRounds(interactions, rounds)
          .filter((block) => block.side === side)
          .flatMap((block) => Array.from({ length: block.end - block.start }, (_, offset) => block.start + offset))
        expect(done).toEqual(Array.from({ length: interactions }, (_, index) => index))
      }
    }
  })

  it('runs the same stretch on both sides within a round', () => {
    const blocks = abbaRounds(60, 6)
    for (let pair = 0; pair < blocks.length; pair += 2) {
      expect([blocks[pair]!.start, blocks[pair]!.end]).toEqual([blocks[pair + 1]!.start, blocks[pair + 1]!.end])
      expect(blocks[pair]!.end - blocks[pair]!.start).toBe(10)
    }
  })

  it('lets each side go first as often, with an even number of rounds', () => {
    const first = abbaRounds(60, 4).filter((_, index) => index % 2 === 0).map((block) => block.side)
    expect(first.filter((side) => side === 0)).toHaveLength(2)
    expect(first.filter((side) => side === 1)).toHaveLength(2)
  })

  it('refuses a round count that is not a positive integer', () => {
    expect(() => abbaRounds(60, 0)).toThrow()
    expect(() => abbaRounds(60, 2.5)).toThrow()
  })
})

describe('keystrokeKeys', () => {
  it('types each word, then erases it, cycling the words', () => {
    expect(keystrokeKeys(['ab', 'c'], 9)).toEqual(['a', 'b', 'Backspace', 'Backspace', 'c', 'Backspace', 'a', 'b', 'Backspace'])
  })

  it('gives the bench its 60 keystrokes, ending in the middle of a word', () => {
    const keys = keystrokeKeys(['peers', 'trust', 'coach', 'plan', 'scope', 'habit', 'goal'], 60)
    expect(keys).toHaveLength(60)
    expect(keys.slice(0, 10)).toEqual(['p', 'e', 'e', 'r', 's', ...Array(5).fill('Backspace')])
    expect(fieldAfter(keys, 60)).toBe('go')
  })
})

describe('fieldAfter', () => {
  it('follows the letters typed and erased', () => {
    const keys = keystrokeKeys(['peers', 'plan'], 20)
    expect(fieldAfter(keys, 0)).toBe('')
    expect(fieldAfter(keys, 3)).toBe('pee')
    expect(fieldAfter(keys, 7)).toBe('pee')
    expect(fieldAfter(keys, 10)).toBe('')
    expect(fieldAfter(keys, 12)).toBe('pl')
  })
})
