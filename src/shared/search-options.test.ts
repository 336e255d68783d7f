import { describe, expect, it } from 'vitest'
import { processTerm, tokenize } from './search-options.ts'

const words = (text: string) => tokenize(text).map(processTerm).filter(Boolean)

describe('tokenize', () => {
  it.each([
    // Japanese and Chinese have no spaces between words: Intl.Segmenter finds them.
    ['東京で新しい仕事を始めました。', ['東京', '新しい', '仕事']],
    ['我们今天去北京看长城', ['我们', '今天', '北京', '长城']],
    // Korean and Arabic separate words by spaces, as Latin scripts do.
    ['오늘은 서울에서 팀 회의가 있었어요.', ['오늘은', '서울에서', '팀', '회의가', '있었어요']],
    ['ذهبت إلى المكتبة لقراءة كتاب جديد', ['ذهبت', 'المكتبة', 'كتاب', 'جديد']],
  ])('splits %s into its words', (text, expected) => {
    expect(words(text)).toEqual(expect.arrayContaining(expected))
    // No piece of a sentence of several words is left whole.
    expect(words(text)).not.toContain(text.replace(/[。.]$/, ''))
  })

  it('splits mixed text at the script change and keeps Latin words as MiniSearch does', () => {
    expect(words('React入門: hooks and state')).toEqual(['react', '入門', 'hooks', 'and', 'state'])
    expect(words('Grow and make impact with peer-focus, don’t wait')).toEqual(['grow', 'and', 'make', 'impact', 'with', 'peer', 'focus', 'don', 't', 'wait'])
  })

  it('gives a Japanese query the words the index has for the same text', () => {
    const indexed = new Set(words('週末に京都の寺を訪ねました'))
    for (const query of ['京都', '寺']) expect(words(query).every((word) => indexed.has(word))).toBe(true)
  })
})
