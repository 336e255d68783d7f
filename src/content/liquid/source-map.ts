/**
 * Liquid's output is not the post's text: includes add lines, `capture` and `comment` remove them. The
 * markdown phase reads the output, so its problems would name the wrong lines. A `SourceMap` records,
 * for each top-level piece of the post, where its output starts and where it stood in the source: text
 * between tags maps character for character, a tag's whole output maps to the tag.
 */
export interface SourceSegment {
  /** Offset in the output where the piece's output starts. */
  output: number
  /** Offset in the source where the piece (or the text it copies) starts. */
  source: number
  /** The output is the source's text itself, character for character. */
  verbatim: boolean
}

export interface Point {
  line: number
  column: number
}

export class SourceMap {
  private readonly outputLines: number[]
  private readonly sourceLines: number[]

  constructor(
    private readonly segments: SourceSegment[],
    output: string,
    private readonly source: string,
  ) {
    this.outputLines = lineStarts(output)
    this.sourceLines = lineStarts(source)
  }

  /** A 1-based line and column of the output -> the same in the source. */
  toSource(point: Point): Point {
    const outputOffset = (this.outputLines[point.line - 1] ?? 0) + point.column - 1
    const segment = this.segmentAt(outputOffset)
    const sourceOffset = !segment ? outputOffset : segment.verbatim ? segment.source + (outputOffset - segment.output) : segment.source
    return pointAt(this.sourceLines, sourceOffset)
  }

  /** The map of `output` after one `\n` was inserted at each of `offsets` (ascending, in the old output). */
  withLineBreaks(offsets: number[], output: string): SourceMap {
    const shift = (offset: number) => offsets.filter((at) => at <= offset).length
    const segments: SourceSegment[] = []
    this.segments.forEach((segment, index) => {
      const end = this.segments[index + 1]?.output ?? Infinity
      segments.push({ ...segment, output: segment.output + shift(segment.output) })
      for (const at of offsets) {
        if (at <= segment.output || at >= end) continue
        segments.push({ output: at + shift(at), source: segment.verbatim ? segment.source + (at - segment.output) : segment.source, verbatim: segment.verbatim })
      }
    })
    return new SourceMap(segments, output, this.source)
  }

  private segmentAt(offset: number): SourceSegment | undefined {
    let low = 0
    let high = this.segments.length - 1
    let found: SourceSegment | undefined
    while (low <= high) {
      const middle = (low + high) >> 1
      const segment = this.segments[middle]!
      if (segment.output <= offset) {
        found = segment
        low = middle + 1
      } else high = middle - 1
    }
    return found
  }
}

export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

export function pointAt(starts: number[], offset: number): Point {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle]! <= offset) low = middle
    else high = middle - 1
  }
  return { line: low + 1, column: offset - starts[low]! + 1 }
}
