/**
 * The order of the interleaved latency measurement (interaction-latency.ts), as pure functions: which
 * side (the app, 0, or the floor, 1) runs which stretch of the interaction sequence, and the keys of the
 * keystroke sequence. Both sides run the same global sequence; a round only pauses it.
 */

export interface Block {
  /** 0: the app's page; 1: the floor's. */
  side: 0 | 1
  /** The block runs interactions `start` to `end - 1` of that side's sequence. */
  start: number
  end: number
}

/**
 * `interactions` split into `rounds` stretches as even as can be (the first ones get the remainder);
 * each round runs its stretch on both sides, the app first in even rounds and the floor first in odd
 * ones: A B, B A, A B, ... (ABBA), so with an even number of rounds each side goes first as often, and
 * a drift that is linear in time over a pair of rounds weighs on both sides alike.
 */
export function abbaRounds(interactions: number, rounds: number): Block[] {
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`rounds must be a positive integer, not ${rounds}`)
  const blocks: Block[] = []
  let start = 0
  for (let round = 0; round < rounds; round += 1) {
    const end = start + Math.floor(interactions / rounds) + (round < interactions % rounds ? 1 : 0)
    if (end > start) {
      const order: Array<0 | 1> = round % 2 === 0 ? [0, 1] : [1, 0]
      for (const side of order) blocks.push({ side, start, end })
    }
    start = end
  }
  return blocks
}

/** Each word typed letter by letter, then erased key by key, the words cycled: the first `count` keys. */
export function keystrokeKeys(words: readonly string[], count: number): string[] {
  const keys: string[] = []
  for (let index = 0; keys.length < count; index += 1) {
    const word = words[index % words.length]!
    if (word.length === 0) throw new Error('An empty search word types nothing')
    keys.push(...word, ...Array<string>(word.length).fill('Backspace'))
  }
  return keys.slice(0, count)
}

/** The search field's text once the first `typed` of `keys` have been pressed in an empty field. */
export function fieldAfter(keys: readonly string[], typed: number): string {
  let text = ''
  for (const key of keys.slice(0, typed)) text = key === 'Backspace' ? text.slice(0, -1) : text + key
  return text
}
