/**
 * What the card stamper (cards.ts) can draw correctly. It lays glyphs out one after another, left to
 * right, with kerning and no shaping: right for Latin, Greek and Cyrillic, wrong for the rest. Arabic
 * letters need their joining forms and Arabic and Hebrew need bidirectional ordering (opentype.js does
 * neither fully), Indic and Southeast Asian scripts need reordering and conjuncts, and DejaVu has no CJK
 * glyph at all (an unknown character draws the font's empty box, `.notdef`). A text needing any of
 * that is left off the card rather than drawn wrong; a card without its quote still names the post.
 */
import type opentype from 'opentype.js'

/**
 * Scripts shaped by rules the stamper does not apply, every right-to-left block (Hebrew to Arabic
 * Extended, their presentation forms, the historic ones of plane 1) and the marks that turn text right to left.
 */
const NEEDS_SHAPING =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Thai}\p{Script=Lao}\p{Script=Tibetan}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Mongolian}\p{Script=Javanese}\p{Script=Balinese}\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}\u200F\u202B\u202E\u2067]/u
/** A mark left after composing (NFC) sits on its letter only with mark positioning, which is not done. */
const COMBINING_MARK = /\p{M}/u
/** Characters that draw nothing and need no glyph. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}]/u
/** More than a card can show (5 lines of about 40 characters): what lies beyond is never drawn. */
const SHOWN_AT_MOST = 1_000

/** The text as the stamper draws it (composed, NFC), or null when it cannot be drawn correctly with `font`. */
export function drawableText(font: opentype.Font, text: string): string | null {
  const composed = text.normalize('NFC')
  const shown = Array.from(composed).slice(0, SHOWN_AT_MOST).join('')
  if (NEEDS_SHAPING.test(shown) || COMBINING_MARK.test(shown)) return null
  for (const character of shown) {
    if (!INVISIBLE.test(character) && font.charToGlyphIndex(character) === 0) return null
  }
  return composed
}
