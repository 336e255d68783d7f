/**
 * A site's `_data/` folder -> `site.data`: `authors.yml` is `site.data.authors`, `nav/main.json` is
 * `site.data.nav.main`. YAML (`.yml`, `.yaml`), JSON, CSV and TSV (rows as objects keyed by the header,
 * as Jekyll reads them). A file that does not parse is left out, with a warning naming it and the line
 * of the mistake; so is a file too large to be a site's data, and a link out of the site folder.
 */
import { readFileSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import { parse as parseCsv, CsvError } from 'csv-parse/sync'
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser'
import { formatProblem } from '../post/problem.ts'
import { walkFolder } from './safe-walk.ts'

export interface DataFolder {
  data: Record<string, unknown>
  warnings: string[]
}

/**
 * Every file of `_data` is parsed and kept in memory, and crosses to each build worker: a data file
 * is a site's menus and authors, never megabytes (a log or a database dump dropped there by mistake).
 */
export const MAX_DATA_FILE_BYTES = 2 * 1024 * 1024

const READERS: Record<string, (text: string) => unknown> = {
  '.yml': (text) => parseYaml(text),
  '.yaml': (text) => parseYaml(text),
  '.json': (text) => JSON.parse(text),
  '.csv': (text) => parseCsv(text, { columns: true, skip_empty_lines: true }),
  '.tsv': (text) => parseCsv(text, { columns: true, skip_empty_lines: true, delimiter: '\t', quote: false }),
}

export interface DataFolderOptions {
  /** How messages name the folder, e.g. `../my-blog/_data`. */
  shownAs?: string
  /** Links must stay inside this folder (the site folder); default: the data folder itself. */
  root?: string
  cwd?: string
}

export function readDataFolder(folder: string, options: DataFolderOptions = {}): DataFolder {
  const shownAs = options.shownAs ?? folder
  const walked = walkFolder(folder, {
    ...(options.root ? { root: options.root } : {}),
    rootName: 'the site folder',
    ...(options.cwd ? { cwd: options.cwd } : {}),
    skip: (name, _relative, isDirectory) => name.startsWith('.') || (!isDirectory && !READERS[extname(name).toLowerCase()]),
  })
  const warnings = walked.problems.map(formatProblem)
  const data: Record<string, unknown> = {}
  for (const file of walked.files) {
    const shown = `${shownAs}/${file.relative}`
    const size = statSync(file.realPath).size
    if (size > MAX_DATA_FILE_BYTES) {
      warnings.push(`${shown}: not read as site.data: ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB a data file may have. Move the file out of _data`)
      continue
    }
    const extension = extname(file.relative)
    const text = readFileSync(file.realPath, 'utf8')
    let value: unknown
    try {
      value = READERS[extension.toLowerCase()]!(text)
    } catch (error) {
      const place = errorPlace(error, text)
      warnings.push(`${shown}${place ? `:${place.line}:${place.column}` : ''}: not read as site.data (${place?.reason ?? firstLine(error)}). Fix the file's syntax`)
      continue
    }
    const parts = file.relative.slice(0, -extension.length).split('/')
    let into = data
    for (const part of parts.slice(0, -1)) {
      const next = Object.hasOwn(into, part) ? into[part] : undefined
      if (next && typeof next === 'object' && !Array.isArray(next)) into = next as Record<string, unknown>
      else into = setOwn(into, part, {}) as Record<string, unknown>
    }
    setOwn(into, parts.at(-1)!, value)
  }
  return { data, warnings }
}

/** A file named `__proto__.yml` is data like any other, not the object's prototype. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): unknown {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
  return value
}

/** The parser's reason, without the place it repeats (`at line 2, column 1:`), shown once in front. */
function firstLine(error: unknown): string {
  return (error as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/ \(line \d+ column \d+\)$/, '')
}

/** Where a parser stopped, 1-based, when it says. */
function errorPlace(error: unknown, text: string): { line: number; column: number; reason?: string } | null {
  if (error instanceof YAMLParseError && error.linePos) return { line: error.linePos[0].line, column: error.linePos[0].col }
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines
    return typeof line === 'number' ? { line, column: 1 } : null
  }
  if (error instanceof SyntaxError) {
    // V8's message gives no place for most mistakes; jsonc-parser (VS Code's) does, by offset.
    const errors: ParseError[] = []
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false })
    const first = errors[0]
    if (first) {
      const before = text.slice(0, first.offset).split('\n')
      return { line: before.length, column: before.at(-1)!.length + 1, reason: `not valid JSON: ${printParseErrorCode(first.error).replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase()}` }
    }
  }
  return null
}
