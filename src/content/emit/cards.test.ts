import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { inflateSync } from 'node:zlib'
import opentype from 'opentype.js'
import { describe, expect, it } from 'vitest'
import { advanceWidth, CARD_HEIGHT, CARD_WIDTH, layoutLines, renderCard } from './cards.ts'

const require = createRequire(import.meta.url)
const loadFont = (file: string) => {
  const bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
}
const font = loadFont('DejaVuSans-Bold.ttf')
const width = (text: string, size: number) => advanceWidth(font, text, size)

/** The PNG's chunks, and its pixels (palette indices) row by row. */
function decodePng(png: Uint8Array) {
  const bytes = Buffer.from(png)
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const chunks = new Map<string, Buffer[]>()
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset)
    const type = bytes.toString('latin1', offset + 4, offset + 8)
    chunks.set(type, [...(chunks.get(type) ?? []), bytes.subarray(offset + 8, offset + 8 + length)])
    offset += 12 + length
  }
  const header = chunks.get('IHDR')![0]!
  const rows = inflateSync(Buffer.concat(chunks.get('IDAT')!))
  // 4-bit indices, two pixels a byte, after each row's filter byte.
  const stride = header.readUInt32BE(0) / 2 + 1
  const pixel = (x: number, y: number) => {
    const byte = rows[y * stride + 1 + (x >> 1)]!
    return x & 1 ? byte & 0x0f : byte >> 4
  }
  return { width: header.readUInt32BE(0), height: header.readUInt32BE(4), depth: header[8], colorType: header[9], rows, pixel, chunks }
}

describe('layoutLines', () => {
  it('measures with kerning: a kerned pair is narrower than its letters apart', () => {
    const serif = loadFont('DejaVuSerif-Italic.ttf')
    expect(advanceWidth(serif, 'AV', 50)).toBeLessThan(advanceWidth(serif, 'A', 50) + advanceWidth(serif, 'V', 50))
  })

  it('breaks between words, every line within the width', () => {
    const text = 'Peers notice before managers do: the work you make easier for them is the work that compounds'
    const lines = layoutLines(font, text, 64, 1020, 4)
    expect(lines.join(' ')).toBe(text)
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(width(line, 64)).toBeLessThanOrEqual(1020)
  })

  it('ends the last line with an ellipsis when the text does not fit', () => {
    const lines = layoutLines(font, 'word '.repeat(200), 64, 1020, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/word…$/)
    expect(width(lines[1]!, 64)).toBeLessThanOrEqual(1020)
  })

  it('breaks a word longer than a line', () => {
    const long = 'https://example.com/' + 'a'.repeat(30)
    const lines = layoutLines(font, long, 64, 1020, 4)
    expect(lines.join('')).toBe(long)
    for (const line of lines) expect(width(line, 64)).toBeLessThanOrEqual(1020)
  })
})

describe('layoutLines on hostile text', () => {
  it('lays out a quote of one 10,000-letter word in the lines it has, with an ellipsis', () => {
    const lines = layoutLines(font, 'a'.repeat(10_000), 64, 1020, 5)
    expect(lines).toHaveLength(5)
    expect(lines.at(-1)).toMatch(/…$/)
    for (const line of lines) expect(advanceWidth(font, line, 64)).toBeLessThanOrEqual(1020)
  })

  it('lays out the start of a 5 MB quote in the lines it has', () => {
    const lines = layoutLines(font, 'word '.repeat(1_000_000), 64, 1020, 5)
    expect(lines).toHaveLength(5)
    expect(lines.at(-1)).toMatch(/…$/)
  })
})

describe('renderCard', () => {
  it('draws a 600×315 4-bit indexed PNG with text on the light background', async () => {
    const png = decodePng(await renderCard({ siteName: 'Leading from the middle', title: 'Grow with peers', quote: 'Peers notice before managers do.' }))
    expect([png.width, png.height, png.depth, png.colorType]).toEqual([CARD_WIDTH, CARD_HEIGHT, 4, 3])
    expect(png.rows.length).toBe((CARD_WIDTH / 2 + 1) * CARD_HEIGHT)
    const palette = png.chunks.get('PLTE')![0]!
    expect([...palette.subarray(0, 3)]).toEqual([0xfb, 0xfa, 0xf6])
    // Ink where the quote's first line is, and none below the title.
    const quoteBand = Array.from({ length: 30 }, (_, row) => Array.from({ length: 450 }, (_, x) => png.pixel(45 + x, 80 + row))).flat()
    expect(quoteBand.some((index) => index !== 0)).toBe(true)
    const below = Array.from({ length: 20 }, (_, row) => Array.from({ length: 500 }, (_, x) => png.pixel(50 + x, 292 + row))).flat()
    expect(below.every((index) => index === 0)).toBe(true)
  })

  it('stays small: a card with a long title or a five-line quote is a few KB (a blog has one per post and per quote)', async () => {
    const words = 'strategy plan signal question feedback service alignment habit customer release leadership outcome '.repeat(4)
    const post = await renderCard({ siteName: 'Peer Notes', title: words })
    const quote = await renderCard({ siteName: 'Peer Notes', title: words, quote: words })
    // 8.8 KB and 13.9 KB with seven shades and run-length coding; 5.2 KB and 8.6 KB now.
    expect(post.length).toBeLessThan(6 * 1024)
    expect(quote.length).toBeLessThan(10 * 1024)
    // The background, three shades of each text color, the marker.
    expect(decodePng(quote).chunks.get('PLTE')![0]!.length).toBe(8 * 3)
  })

  it('draws different cards for different quotes, the same card for the same text', async () => {
    const card = (quote: string) => renderCard({ siteName: 'Site', title: 'Title', quote })
    const first = Buffer.from(await card('One thing'))
    expect(Buffer.from(await card('Another thing')).equals(first)).toBe(false)
    expect(Buffer.from(await card('One thing')).equals(first)).toBe(true)
  })
})
