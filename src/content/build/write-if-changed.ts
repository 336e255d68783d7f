/**
 * Writes a file unless it holds these bytes already: a rebuild writes into the last build's `dist/`
 * (stale-outputs.ts), where most pages and cards are unchanged. Reading a file back costs less than
 * writing it (no new pages for the disk to write back), and the file keeps its time, so a deploy tool
 * that compares times uploads only what changed. Makes the file's folder only when it is missing.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export function writeIfChanged(path: string, content: string | Uint8Array): boolean {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content
  try {
    if (statSync(path).size === bytes.byteLength && Buffer.compare(readFileSync(path), bytes) === 0) return false
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    mkdirSync(dirname(path), { recursive: true })
  }
  writeFileSync(path, bytes)
  return true
}
