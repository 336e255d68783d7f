/**
 * A site's `_data/` folder -> `site.data`: `authors.yml` is `site.data.authors`, `nav/main.json` is
 * `site.data.nav.main`. YAML (`.yml`, `.yaml`), JSON, CSV and TSV (rows as objects keyed by the header,
 * as Jekyll reads them). A file that does not parse is left out, with a warning naming it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { parse as parseCsv } from 'csv-parse/sync'

export interface DataFolder {
  data: Record<string, unknown>
  warnings: string[]
}

const READERS: Record<string, (text: string) => unknown> = {
  '.yml': (text) => parseYaml(text),
  '.yaml': (text) => parseYaml(text),
  '.json': (text) => JSON.parse(text),
  '.csv': (text) => parseCsv(text, { columns: true, skip_empty_lines: true }),
  '.tsv': (text) => parseCsv(text, { columns: true, skip_empty_lines: true, delimiter: '\t', quote: false }),
}

/** `shownAs` is how messages name the folder, e.g. `../my-blog/_data`. */
export function readDataFolder(folder: string, shownAs = folder): DataFolder {
  const warnings: string[] = []
  const read = (dir: string, shown: string): Record<string, unknown> => {
    const data: Record<string, unknown> = {}
    let names: string[]
    try {
      names = readdirSync(dir).sort()
    } catch {
      return data
    }
    for (const name of names) {
      if (name.startsWith('.')) continue
      const path = join(dir, name)
      if (statSync(path).isDirectory()) {
        data[name] = read(path, `${shown}/${name}`)
        continue
      }
      const reader = READERS[extname(name).toLowerCase()]
      if (!reader) continue
      try {
        data[name.slice(0, -extname(name).length)] = reader(readFileSync(path, 'utf8'))
      } catch (error) {
        warnings.push(`${shown}/${name}: not read as site.data (${(error as Error).message.split('\n')[0]}). Fix the file's syntax`)
      }
    }
    return data
  }
  return { data: read(folder, shownAs), warnings }
}
