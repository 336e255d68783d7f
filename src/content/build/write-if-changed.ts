/**
 * Writes a file unless it holds these bytes already: a rebuild writes into the last build's `dist/`
 * (stale-outputs.ts), where most pages and cards are unchanged. Reading a file back costs less than
 * writing it (no new pages for the disk to write back), and the file keeps its time, so a deploy tool
 * that compares times uploads only what changed. Makes the file's folder only when it is missing.
 *
 * The last build may have left a file where this one needs a folder (`about.html` became
 * `about.html/index.html`) or a folder where it writes a file: the output plan never claims both
 * (output-paths.ts), so what is in the way is the last build's, and is removed.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export type OutputWriter = (path: string, content: string | Uint8Array) => boolean

export function writeIfChanged(path: string, content: string | Uint8Array): boolean {
  return outputWriter()(path, content)
}

/**
 * One build's writer (the main process's for the pages, a build worker's for its cards). It remembers the folders it made:
 * everything in them is this build's, and the output plan gives each file one writer, so a file there is
 * new and is written without a look first, and a folder inside one is made without asking. A cold
 * build of 1,000 posts writes ~10,600 files into ~9,300 new folders: a stat (failing, an exception
 * each) and a `mkdir -p` for each file were ~5 % of a worker's CPU profile.
 */
export function outputWriter(): OutputWriter {
  const made = new Set<string>()
  const makeFolder = (folder: string) => {
    const first = mkdirSync(folder, { recursive: true })
    if (first === undefined) return
    for (let each = folder; ; each = dirname(each)) {
      made.add(each)
      if (each === first || each === dirname(each)) break
    }
  }
  const writeNew = (path: string, content: string | Uint8Array) => {
    try {
      writeFileSync(path, content)
    } catch (error) {
      // Removed since by someone else (a test's cleanup between two builds of one process).
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      made.clear()
      makeFolder(dirname(path))
      writeFileSync(path, content)
    }
    return true
  }
  return (path, content) => {
    const folder = dirname(path)
    if (made.has(folder)) return writeNew(path, content)
    if (made.has(dirname(folder))) {
      makeFolder(folder)
      return writeNew(path, content)
    }
    const bytes = typeof content === 'string' ? Buffer.from(content) : content
    let stat
    try {
      stat = statSync(path, { throwIfNoEntry: false })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error
      removeFileAncestor(path)
    }
    if (stat?.isDirectory()) {
      rmSync(path, { recursive: true, force: true })
      // What it held may be folders this writer made.
      made.clear()
    } else if (stat && stat.size === bytes.byteLength && Buffer.compare(readFileSync(path), bytes) === 0) {
      return false
    }
    if (!stat) makeFolder(folder)
    writeFileSync(path, bytes)
    return true
  }
}

function removeFileAncestor(path: string) {
  for (let folder = dirname(path); folder !== dirname(folder); folder = dirname(folder)) {
    try {
      if (statSync(folder).isFile()) return rmSync(folder)
    } catch {
      // Not there (below the file in the way): look further up.
    }
  }
}
