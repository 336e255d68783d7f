import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import opentype from 'opentype.js'
import { describe, expect, it } from 'vitest'
import { drawableText } from './drawable-text.ts'
import { renderCard } from './cards.ts'

const require = createRequire(import.meta.url)
const loadFont = (file: string) => {
  const bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
}
const serifItalic = loadFont('DejaVuSerif-Italic.ttf')
const sansBold = loadFont('DejaVuSans-Bold.ttf')

describe('drawableText', () => {
  it.each([
    ['Arabic', 'المدير الجيد يستمع أكثر مما يتكلم'],
    ['Hebrew', 'מנהל טוב מקשיב יותר משהוא מדבר'],
    ['Japanese', '良いマネージャーは話すより多く聞く'],
    ['Chinese', '好的经理听得比说得多'],
    ['Korean', '좋은 관리자는 말하기보다 더 많이 듣는다'],
    ['Hindi', 'अच्छा प्रबंधक बोलने से ज़्यादा सुनता है'],
    ['Thai', 'ผู้จัดการที่ดีฟังมากกว่าพูด'],
    ['English with an Arabic word', 'The word سلام means peace'],
    ['a right-to-left override', 'abc\u202Edef'],
    ['an emoji DejaVu lacks', 'Ship it 🚀'],
  ])('leaves %s text off the card', (_, text) => {
    expect(drawableText(serifItalic, text)).toBeNull()
    expect(drawableText(sansBold, text)).toBeNull()
  })

  it.each([
    ['English', 'You own the outcome of your team'],
    ['French with accents', 'Le café déjà prêt à l’aube'],
    ['German', 'Größe zählt: „Straße“'],
    ['Greek', 'Η ομάδα σου'],
    ['Russian', 'Ваша команда'],
  ])('draws %s text', (_, text) => {
    expect(drawableText(serifItalic, text)).toBe(text)
  })

  it('composes a letter and its combining accent (NFC) before it draws them', () => {
    expect(drawableText(sansBold, 'Cafe\u0301')).toBe('Café')
  })
})

describe('cards with text the stamper cannot draw', () => {
  it('leave the quote off: an Arabic, Hebrew, Japanese or Chinese quote gives the card of the title alone', async () => {
    const titleOnly = await renderCard({ siteName: 'Peer Notes', title: 'Listening' })
    for (const quote of ['المدير الجيد يستمع', 'מנהל טוב מקשיב', '良いマネージャーは聞く', '好的经理听得多']) {
      expect(Buffer.from(await renderCard({ siteName: 'Peer Notes', title: 'Listening', quote }))).toEqual(Buffer.from(titleOnly))
    }
  })

  it('leave an Arabic title and site name off, never drawing boxes: the card is the empty card', async () => {
    const empty = await renderCard({ siteName: '', title: '' })
    expect(Buffer.from(await renderCard({ siteName: 'مدونة الأقران', title: 'الاستماع' }))).toEqual(Buffer.from(empty))
  })
})
