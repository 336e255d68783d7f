/**
 * A post file's bytes -> its text. A binary file with a `.md` name (an image saved under the wrong
 * name) would be published as a page of garbage, and bytes that are not UTF-8 (a post saved as
 * Latin-1) would turn into U+FFFD without a word: the first is a fatal problem, the second a warning
 * pointing at the first bad byte.
 */
export interface ReadProblem {
  line: number
  column: number
  reason: string
  fatal: boolean
}

/** Bytes looked at for a NUL, as git does to tell binary files from text. */
const BINARY_SNIFF = 8000

export function decodePostBytes(bytes: Uint8Array): { text: string; problem: ReadProblem | null } {
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) {
    return { text: '', problem: { line: 1, column: 1, reason: 'This is a binary file, not a text post; it was left out. Rename it so it does not end in .md or .markdown', fatal: true } }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), problem: null }
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes)
    const at = text.indexOf('\uFFFD')
    const before = text.slice(0, Math.max(0, at)).split('\n')
    return {
      text,
      problem: {
        line: before.length,
        column: before.at(-1)!.length + 1,
        reason: 'This file is not valid UTF-8 (saved as Latin-1 or Windows-1252?); the bad bytes show as �. Save it as UTF-8',
        fatal: false,
      },
    }
  }
}
