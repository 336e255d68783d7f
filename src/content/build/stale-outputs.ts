/**
 * A build writes into the `dist/` the last one left (Vite's `emptyOutDir` is off, see vite-plugin.ts):
 * emptying it first cost a rebuild of 1,000 posts seconds of deleting ~10,000 files only to write them
 * again, most with the same bytes (write-if-changed.ts then leaves them alone). What the last build
 * wrote and this one does not (a removed post's pages, an old bundle's chunks) is removed here, after
 * every file is written.
 *
 * A file is removed only when this build did not claim it (the output plan's files, Vite's bundle) and
 * it is older than the build: a file some writer makes without a claim is new, and kept. "Older" is read
 * on the output folder's own clock (buildStartTime): a margin for coarse file times instead kept a post
 * removed less than the margin before a quick rebuild.
 */
import { mkdirSync, readdirSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The output folder's file-system time now, as its files' times are written: a file the last build
 * wrote is older, one this build writes is not, whatever the file system's time resolution.
 */
export function buildStartTime(outDir: string): number {
  mkdirSync(outDir, { recursive: true })
  const marker = join(outDir, `.build-started-${process.pid}`)
  writeFileSync(marker, '')
  try {
    return statSync(marker).mtimeMs
  } finally {
    unlinkSync(marker)
  }
}

export function removeStaleOutputs(outDir: string, written: Iterable<string>, buildStarted: number): string[] {
  const keep = new Set([...written].map(outputKey))
  const removed: string[] = []
  const walk = (folder: string, prefix: string): boolean => {
    let empty = true
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      const file = `${prefix}${entry.name}`
      if (entry.isDirectory()) {
        if (walk(path, `${file}/`)) rmdirSync(path)
        else empty = false
      } else if (!keep.has(outputKey(file)) && statSync(path).mtimeMs < buildStarted) {
        unlinkSync(path)
        removed.push(file)
      } else {
        empty = false
      }
    }
    return empty
  }
  try {
    walk(outDir, '')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  return removed
}

/** As output-paths.ts compares claims: hosts may fold case and Unicode forms. */
function outputKey(file: string): string {
  return file.normalize('NFC').toLowerCase()
}
