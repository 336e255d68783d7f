/**
 * Link-preview images made at build time: a 600×315 card with the site name, the post title and, for
 * a block quote's page, the quote.
 *
 * 600×315 (the 1.91:1 of Open Graph's large image, at the smallest size Facebook and LinkedIn show
 * large): previews are drawn about 500 px wide, and a 1200×630 card was 20-25 KB, a quarter of a
 * 1,000-post blog's output and a third of its build's CPU (issue 18).
 *
 * A blog of 10,000 posts has tens of thousands of block quotes, each with its own card, so a card must
 * cost about a millisecond, not the 30 ms of drawing an SVG with a general renderer. So cards are
 * stamped, not drawn: text is laid out with the font's own metrics (opentype.js), each glyph is
 * rasterized once per process (its outline, drawn by resvg) into a coverage mask, and masks are
 * stamped into a 4-bit palette image that zlib encodes as a PNG (5-7 KB a card). Fonts ship in node_modules
 * (dejavu-fonts-ttf), so every machine draws the same bytes and the build needs no system fonts.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { initWasm, Resvg } from '@resvg/resvg-wasm'
import opentype from 'opentype.js'
import { drawableText } from './drawable-text.ts'

export const CARD_WIDTH = 600
export const CARD_HEIGHT = 315
const MARGIN = 45
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN
/**
 * PNG rows: a filter byte (0, "none") then the row's pixels, two to a byte (4-bit palette indices); the
 * image is drawn in place. Half the bytes of an 8-bit image is half zlib's work, its biggest cost.
 */
const STRIDE = CARD_WIDTH / 2 + 1
/**
 * Anti-aliasing shades per text color: the palette is the background, 2 × 3 shades and the marker. Three
 * shades look the same as seven at the size previews show a card (compared side by side), and fewer
 * distinct pixel values repeat more: cards 12 % smaller with the same zlib settings (issue 18).
 */
const LEVELS = 3

const require = createRequire(import.meta.url)
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')

type Rgb = readonly [number, number, number]
const BACKGROUND: Rgb = [0xfb, 0xfa, 0xf6]
const INK: Rgb = [0x1d, 0x21, 0x25]
const ACCENT: Rgb = [0x14, 0x6c, 0x43]
const MARKER: Rgb = [0xff, 0xd8, 0x4d]
/** Palette: the background, then LEVELS shades of each text color, then the marker yellow. */
const TEXT_COLORS = [INK, ACCENT] as const
const MARKER_INDEX = 1 + TEXT_COLORS.length * LEVELS
const PALETTE = buildPalette()

type FontName = 'sans' | 'sans-bold' | 'serif-italic'
const FONT_FILES: Record<FontName, string> = {
  sans: 'DejaVuSans.ttf',
  'sans-bold': 'DejaVuSans-Bold.ttf',
  'serif-italic': 'DejaVuSerif-Italic.ttf',
}

interface TextStyle {
  font: FontName
  size: number
  color: (typeof TEXT_COLORS)[number]
  /** Coverage scale: below 1 draws a lighter shade of the color (the muted site name is 72% ink). */
  strength: number
  lineHeight: number
}

const SITE_NAME: TextStyle = { font: 'sans', size: 15, color: INK, strength: 0.72, lineHeight: 20 }
const QUOTE: TextStyle = { font: 'serif-italic', size: 25, color: INK, strength: 1, lineHeight: 33 }
const QUOTE_TITLE: TextStyle = { font: 'sans-bold', size: 14, color: ACCENT, strength: 1, lineHeight: 18 }
const TITLE: TextStyle = { font: 'sans-bold', size: 32, color: INK, strength: 1, lineHeight: 42 }

export interface CardText {
  siteName: string
  title: string
  quote?: string
}

/** A glyph's coverage mask, placed relative to its pen position on the baseline. */
interface GlyphMask {
  left: number
  top: number
  width: number
  height: number
  /** 0 (none) to LEVELS (full), row by row. */
  levels: Uint8Array
}

interface Renderer {
  fonts: Record<FontName, opentype.Font>
  masks: Map<string, GlyphMask>
}

let ready: Promise<Renderer> | null = null

/** Loads the fonts and the rasterizer once per process (or worker). */
function prepare(): Promise<Renderer> {
  ready ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')))
    .catch((error: unknown) => {
      // One process may build several times (tests, the benchmark): the module stays initialized.
      if (!String(error).includes('Already initialized')) throw error
    })
    .then(() => {
      const load = (file: string) => {
        const bytes = readFileSync(join(FONT_DIR, file))
        // lowMemory: glyphs are read when first drawn, not all ~6,000 of each font up front (80-100 ms
        // instead of 250-400 ms for the three, in every worker); a card uses a few hundred.
        return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { lowMemory: true })
      }
      const fonts = Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, load(file)])) as Renderer['fonts']
      return { fonts, masks: new Map() }
    })
  return ready
}

export async function renderCard(card: CardText): Promise<Uint8Array> {
  return drawCard(await prepare(), card)
}

let canvas: Uint8Array | null = null

function drawCard(renderer: Renderer, { siteName, title, quote }: CardText): Uint8Array {
  // One canvas per process, cleared for each card: drawing is synchronous, and a fresh 190 KB buffer
  // per card would keep the garbage collector busy.
  const pixels = (canvas ??= new Uint8Array(STRIDE * CARD_HEIGHT)).fill(0)
  fillRect(pixels, 0, 0, 12, CARD_HEIGHT, paletteIndex(ACCENT, LEVELS))
  // Text the stamper cannot draw correctly (Arabic, Hebrew, CJK...: drawable-text.ts) is left off the card.
  const drawable = (text: string | undefined, style: TextStyle) => (text === undefined ? null : drawableText(renderer.fonts[style.font], text))
  const write = (text: string, style: TextStyle, baseline: number, maxLines: number) => {
    const shown = drawable(text, style)
    if (shown === null) return
    const lines = layoutLines(renderer.fonts[style.font], shown, style.size, TEXT_WIDTH, maxLines)
    lines.forEach((line, index) => stampLine(renderer, pixels, line, style, MARGIN, baseline + index * style.lineHeight))
  }
  write(siteName, SITE_NAME, 45, 1)
  if (quote && drawable(quote, QUOTE) !== null) {
    fillRect(pixels, MARGIN, 60, 60, 4, MARKER_INDEX)
    write(`“${quote}”`, QUOTE, 100, 5)
    write(title, QUOTE_TITLE, 280, 2)
  } else {
    write(title, TITLE, 125, 4)
  }
  return encodePng(pixels)
}

/**
 * Breaks `text` into at most `maxLines` lines no wider than `width` pixels at `size`, between words (a
 * word wider than a line is broken where it must), and ends the last line with an ellipsis if text is left.
 */
export function layoutLines(font: opentype.Font, text: string, size: number, width: number, maxLines: number): string[] {
  const fits = (line: string) => advanceWidth(font, line, size) <= width
  // Only what can show is measured: a 5 MB quote would otherwise be measured glyph by glyph. No glyph
  // is narrower than a tenth of the size, so this many characters more than fill every line.
  const limit = maxLines * Math.ceil(width / (size * 0.1))
  const shown = Array.from(text.slice(0, limit * 2)).slice(0, limit).join('')
  const cut = shown.length < text.length
  const pieces = shown
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => (fits(word) ? [word] : breakWord(word, fits)))
  // Words are measured once; a line is its words and the spaces between (kerning across a space is nil).
  const space = advanceWidth(font, ' ', size)
  const lines: string[] = []
  let line = ''
  let lineWidth = 0
  let placed = 0
  for (const piece of pieces) {
    const pieceWidth = advanceWidth(font, piece, size)
    if (!line) {
      line = piece
      lineWidth = pieceWidth
    } else if (lineWidth + space + pieceWidth <= width) {
      line += ` ${piece}`
      lineWidth += space + pieceWidth
    } else {
      lines.push(line)
      if (lines.length === maxLines) break
      line = piece
      lineWidth = pieceWidth
    }
    placed += 1
  }
  if (lines.length < maxLines && line) lines.push(line)
  if (placed < pieces.length || cut) {
    // Whole words go first, so the ellipsis follows a word rather than part of one.
    let last = lines.at(-1)!
    while (!fits(`${last}…`)) last = last.includes(' ') ? last.slice(0, last.lastIndexOf(' ')) : last.slice(0, -1)
    last = last.replace(/[\s,.;:!?-]*$/, '')
    lines[lines.length - 1] = `${last}…`
  }
  return lines
}

/**
 * A word too wide for a line, as the longest pieces that fit, grown a character at a time: shrinking
 * from the whole word measured it again for every character dropped (a 10,000-letter word took minutes).
 */
function breakWord(word: string, fits: (part: string) => boolean): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const character of word) {
    if (piece && !fits(piece + character)) {
      pieces.push(piece)
      piece = character
    } else {
      piece += character
    }
  }
  if (piece) pieces.push(piece)
  return pieces
}

/**
 * Glyphs by code point, kerned, without shaping: opentype.js's shaper stops at lookups DejaVu uses, and
 * the Latin, Greek and Cyrillic text DejaVu covers needs none. Glyphs and kerning pairs are looked up
 * once per process: the same few hundred recur on every card.
 */
const glyphCache = new WeakMap<opentype.Font, Map<string, opentype.Glyph>>()
const kerningCache = new WeakMap<opentype.Font, Map<number, number>>()

function glyphsOf(font: opentype.Font, text: string): opentype.Glyph[] {
  let glyphs = glyphCache.get(font)
  if (!glyphs) glyphCache.set(font, (glyphs = new Map()))
  return Array.from(text, (character) => {
    let glyph = glyphs.get(character)
    if (!glyph) glyphs.set(character, (glyph = font.charToGlyph(character)))
    return glyph
  })
}

function kerning(font: opentype.Font, left: opentype.Glyph, right: opentype.Glyph): number {
  let pairs = kerningCache.get(font)
  if (!pairs) kerningCache.set(font, (pairs = new Map()))
  const key = left.index * 65536 + right.index
  let value = pairs.get(key)
  if (value === undefined) pairs.set(key, (value = font.getKerningValue(left, right)))
  return value
}

/** Pen advances in font units: each glyph's width plus its kerning with the next. */
function advances(font: opentype.Font, glyphs: opentype.Glyph[]): number[] {
  return glyphs.map((glyph, index) => {
    const next = glyphs[index + 1]
    return (glyph.advanceWidth ?? 0) + (next ? kerning(font, glyph, next) : 0)
  })
}

/** The width of `text` set in `font` at `size`, in pixels. */
export function advanceWidth(font: opentype.Font, text: string, size: number): number {
  return (advances(font, glyphsOf(font, text)).reduce((sum, value) => sum + value, 0) * size) / font.unitsPerEm
}

function stampLine(renderer: Renderer, pixels: Uint8Array, line: string, style: TextStyle, x: number, baseline: number) {
  const font = renderer.fonts[style.font]
  const scale = style.size / font.unitsPerEm
  const glyphs = glyphsOf(font, line)
  const steps = advances(font, glyphs)
  let pen = x
  glyphs.forEach((glyph, index) => {
    const mask = glyphMask(renderer, style, glyph)
    stamp(pixels, mask, Math.round(pen) + mask.left, baseline + mask.top, style.color)
    pen += steps[index]! * scale
  })
}

/** The glyph's coverage at this size, drawn by resvg from its outline the first time it is needed. */
function glyphMask(renderer: Renderer, style: TextStyle, glyph: opentype.Glyph): GlyphMask {
  const key = `${style.font}/${style.size}/${style.strength}/${glyph.index}`
  const cached = renderer.masks.get(key)
  if (cached) return cached
  const path = glyph.getPath(0, 0, style.size)
  const box = path.getBoundingBox()
  const left = Math.floor(box.x1)
  const top = Math.floor(box.y1)
  const width = Math.max(1, Math.ceil(box.x2) - left)
  const height = Math.max(1, Math.ceil(box.y2) - top)
  let mask: GlyphMask = { left: 0, top: 0, width: 0, height: 0, levels: new Uint8Array(0) }
  if (path.commands.length > 0) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path transform="translate(${-left} ${-top})" d="${path.toPathData(3)}"/></svg>`
    const resvg = new Resvg(svg, { font: { loadSystemFonts: false } })
    const image = resvg.render()
    const rgba = image.pixels
    const levels = new Uint8Array(image.width * image.height)
    for (let pixel = 0; pixel < levels.length; pixel += 1) levels[pixel] = Math.round((rgba[pixel * 4 + 3]! * LEVELS * style.strength) / 255)
    mask = { left, top, width: image.width, height: image.height, levels }
    image.free()
    resvg.free()
  }
  renderer.masks.set(key, mask)
  return mask
}

function stamp(pixels: Uint8Array, mask: GlyphMask, x: number, y: number, color: Rgb) {
  const base = paletteIndex(color, 1) - 1
  for (let row = 0; row < mask.height; row += 1) {
    const py = y + row
    if (py < 0 || py >= CARD_HEIGHT) continue
    for (let column = 0; column < mask.width; column += 1) {
      const level = mask.levels[row * mask.width + column]!
      const px = x + column
      if (level === 0 || px < 0 || px >= CARD_WIDTH) continue
      // Where glyphs touch, the darker coverage wins.
      const current = getPixel(pixels, px, py) - base
      if (current < 1 || current > LEVELS || current < level) setPixel(pixels, px, py, base + level)
    }
  }
}

function getPixel(pixels: Uint8Array, x: number, y: number): number {
  const byte = pixels[y * STRIDE + 1 + (x >> 1)]!
  return x & 1 ? byte & 0x0f : byte >> 4
}

function setPixel(pixels: Uint8Array, x: number, y: number, index: number) {
  const at = y * STRIDE + 1 + (x >> 1)
  pixels[at] = x & 1 ? (pixels[at]! & 0xf0) | index : (pixels[at]! & 0x0f) | (index << 4)
}

function fillRect(pixels: Uint8Array, x: number, y: number, width: number, height: number, index: number) {
  for (let row = y; row < y + height; row += 1) {
    for (let column = x; column < x + width; column += 1) setPixel(pixels, column, row, index)
  }
}

function paletteIndex(color: Rgb, level: number): number {
  return 1 + TEXT_COLORS.indexOf(color as (typeof TEXT_COLORS)[number]) * LEVELS + (level - 1)
}

function buildPalette(): Uint8Array {
  const palette = new Uint8Array((MARKER_INDEX + 1) * 3)
  palette.set(BACKGROUND, 0)
  TEXT_COLORS.forEach((color, colorIndex) => {
    for (let level = 1; level <= LEVELS; level += 1) {
      const alpha = level / LEVELS
      const mixed = color.map((channel, c) => Math.round(channel * alpha + BACKGROUND[c]! * (1 - alpha)))
      palette.set(mixed, (1 + colorIndex * LEVELS + level - 1) * 3)
    }
  })
  palette.set(MARKER, MARKER_INDEX * 3)
  return palette
}

/**
 * A 4-bit indexed PNG. zlib at level 4 with its default strategy: the rows of a line of text repeat each
 * other and its glyphs recur, which LZ77 matches and run-length coding (Z_RLE) does not. Measured on
 * the benchmark's cards (bench/generate-posts.ts): 5.7 KB and 0.38 ms of zlib a card, against 8.0 KB and
 * 0.23 ms with Z_RLE, and 5.4 KB and 1.0 ms at level 6: level 4 is where a smaller card still pays.
 */
function encodePng(rows: Uint8Array): Uint8Array {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(CARD_WIDTH, 0)
  header.writeUInt32BE(CARD_HEIGHT, 4)
  header[8] = 4 // bit depth
  header[9] = 3 // indexed color
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', PALETTE),
    chunk('IDAT', deflateSync(rows, { level: 4 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}
