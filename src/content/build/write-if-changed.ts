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

export function writeIfChanged(path: string, content: string | Uint8Array): boolean {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content
  try {
    const stat = statSync(path)
    if (stat.isDirectory()) rmSync(path, { recursive: true, force: true })
    else if (stat.size === bytes.byteLength && Buffer.compare(readFileSync(path), bytes) === 0) return false
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') removeFileAncestor(path)
    else if (code !== 'ENOENT') throw error
    mkdirSync(dirname(path), { recursive: true })
  }
  writeFileSync(path, bytes)
  return true
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
