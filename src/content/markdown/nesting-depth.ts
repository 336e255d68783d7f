/**
 * How deep a post's lists and quotes nest, read from the text before markdown parses it. The parser's
 * time grows with the cube of the depth (200 nested list levels: 1 s; 800: a minute; 5,000: never), so
 * a post nested deeper than any real one is refused before it is parsed, with the line to fix.
 */
export const MAX_NESTING = 100

/**
 * The first line whose container prefix (`>` markers and indentation, two columns per list level) is
 * deeper than `limit`, with its estimated depth; null when none is. Lines in fenced code are skipped.
 */
export function tooDeepLine(markdown: string, limit = MAX_NESTING): { line: number; depth: number } | null {
  let fence: string | null = null
  const lines = markdown.split('\n')
  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index]!
    const opener = /^[\s>]*(`{3,}|~{3,})/.exec(text)?.[1]
    if (opener && (fence === null || opener.startsWith(fence))) {
      fence = fence === null ? opener : null
      continue
    }
    if (fence !== null) continue
    let columns = 0
    let quotes = 0
    for (const character of text) {
      if (character === ' ') columns += 1
      else if (character === '\t') columns += 4 - (columns % 4)
      else if (character === '>') quotes += 1
      else break
    }
    const depth = quotes + Math.floor(columns / 2)
    if (depth > limit) return { line: index + 1, depth }
  }
  return null
}
