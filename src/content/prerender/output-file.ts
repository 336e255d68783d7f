/**
 * The one way this change's page writers (site pages, redirects, static files) put a file under `dist/`:
 * a path that would land outside it (`../`, an absolute path from a permalink or `redirect_from:`) is
 * refused. Meant to be swapped for the build's shared output claim once there is one.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, relative, resolve } from 'node:path'

export function outputPath(outDir: string, file: string): string {
  const path = resolve(outDir, file.replace(/^\/+/, ''))
  const inside = relative(resolve(outDir), path)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new Error(`Refusing to write ${file}: it is outside the build folder ${outDir}`)
  }
  return path
}

export function writeOutputFile(outDir: string, file: string, content: string | Uint8Array): void {
  const path = outputPath(outDir, file)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
}

export function copyOutputFile(outDir: string, file: string, from: string): void {
  const path = outputPath(outDir, file)
  mkdirSync(dirname(path), { recursive: true })
  copyFileSync(from, path)
}
