/**
 * Link-preview images made at build time: a card with the site name, the post title and, for a quote
 * page, the quote. SVG drawn by resvg (its WebAssembly build: the native one keeps every card's font
 * database in memory, 3 MB a card) with fonts shipped in node_modules (dejavu-fonts-ttf), so every
 * machine draws the same PNG and the build needs no system fonts and no browser.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { initWasm, Resvg } from '@resvg/resvg-wasm'
import { escapeHtml } from './page-head.ts'

const WIDTH = 1200
const HEIGHT = 630
const require = createRequire(import.meta.url)
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif.ttf', 'DejaVuSerif-Italic.ttf']

let ready: Promise<Uint8Array[]> | null = null

/** Loads the renderer and the fonts once per process. */
function prepare(): Promise<Uint8Array[]> {
  ready ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')))
    .catch((error: unknown) => {
      // One process may build several times (tests, the benchmark): the module stays initialized.
      if (!String(error).includes('Already initialized')) throw error
    })
    .then(() => FONT_FILES.map((name) => readFileSync(join(FONT_DIR, name))))
  return ready
}

export interface CardText {
  siteName: string
  title: string
  quote?: string
}

/** Splits text into at most `maxLines` lines of about `width` characters, with an ellipsis if cut. */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line)
      line = word
      if (lines.length === maxLines) break
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (lines.length < maxLines && line) lines.push(line)
  const used = lines.join(' ').split(' ').length
  if (used < words.length) lines[lines.length - 1] = lines[lines.length - 1]!.replace(/[\s,.;:!?-]*$/, '') + '…'
  return lines
}

export function cardSvg({ siteName, title, quote }: CardText): string {
  const text = (lines: string[], x: number, y: number, size: number, attributes: string) =>
    lines
      .map((line, index) => `<text x="${x}" y="${y + index * size * 1.3}" font-size="${size}" ${attributes}>${escapeHtml(line)}</text>`)
      .join('')
  const body = quote
    ? text(wrapText(`“${quote}”`, 36, 5), 90, 200, 50, 'font-family="DejaVu Serif" font-style="italic" fill="#1d2125"') +
      text(wrapText(title, 60, 2), 90, 560, 28, 'font-family="DejaVu Sans" font-weight="bold" fill="#146c43"')
    : text(wrapText(title, 30, 4), 90, 250, 64, 'font-family="DejaVu Sans" font-weight="bold" fill="#1d2125"')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<rect width="${WIDTH}" height="${HEIGHT}" fill="#fbfaf6"/>
<rect x="0" y="0" width="24" height="${HEIGHT}" fill="#146c43"/>
${quote ? `<rect x="90" y="120" width="120" height="8" rx="4" fill="#ffd84d"/>` : ''}
${text([siteName], 90, 90, 30, 'font-family="DejaVu Sans" fill="#545b62"')}
${body}
</svg>`
}

export async function renderCard(card: CardText): Promise<Uint8Array> {
  const fonts = await prepare()
  const resvg = new Resvg(cardSvg(card), {
    font: { loadSystemFonts: false, fontBuffers: fonts, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'width', value: WIDTH },
  })
  const image = resvg.render()
  try {
    return image.asPng()
  } finally {
    image.free()
    resvg.free()
  }
}
