/**
 * kramdown starts a heading on the line after `<br>` (`Photo credit<br>` then `#### Next`); CommonMark
 * reads a lone `<br>` line as the start of an HTML block that runs to the next blank line, and the
 * heading stays literal text. A blank line is put between the two, as the author meant; fenced code is
 * left alone. Returns where each line break went, for the source map.
 */
const BREAK_AT_END = /<br\s*\/?>\s*$/i
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/
const FENCE = /^ {0,3}(`{3,}|~{3,})/

export function separateHeadingsAfterBreaks(text: string): { text: string; inserted: number[] } {
  if (!/<br/i.test(text)) return { text, inserted: [] }
  const inserted: number[] = []
  let fence: string | null = null
  let offset = 0
  let previous = ''
  for (const line of text.split('\n')) {
    const marker = FENCE.exec(line)?.[1]
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null
    } else if (marker) {
      fence = marker
    } else if (HEADING.test(line) && BREAK_AT_END.test(previous)) {
      inserted.push(offset)
    }
    previous = line
    offset += line.length + 1
  }
  let result = text
  for (const at of [...inserted].reverse()) result = result.slice(0, at) + '\n' + result.slice(at)
  return { text: result, inserted }
}
