/** The files of `public/`, as Vite copies them into `dist/`: paths no post's page may take. */
import { existsSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export function publicFiles(publicDir: string): string[] {
  if (!publicDir || !existsSync(publicDir)) return []
  return readdirSync(publicDir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(publicDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
}
