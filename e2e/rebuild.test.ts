/**
 * A rebuild into the last build's output folder, as `npm run build` does it (no emptying: see
 * src/content/build/stale-outputs.ts), with the build cache the first build left: a removed post's
 * pages are gone (and Mermaid's files with its diagram), an edited post shows its new text, and an unchanged post's page is not written again.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { build } from 'vite'

const folder = mkdtempSync(join(tmpdir(), 'reader-rebuild-'))
const postsDir = join(folder, '_posts')
const outDir = join(folder, 'dist')
afterAll(() => rmSync(folder, { recursive: true, force: true }))

async function buildOnce() {
  const previous = { POSTS_DIR: process.env.POSTS_DIR, BUILD_CACHE_DIR: process.env.BUILD_CACHE_DIR }
  Object.assign(process.env, { POSTS_DIR: postsDir, BUILD_CACHE_DIR: join(folder, 'cache') })
  try {
    // As `vite build` with the project's config: the output folder is not emptied first.
    await build({ logLevel: 'error', build: { outDir } })
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

const mermaidFolders = () => readdirSync(join(outDir, 'assets')).filter((name) => /^mermaid-\d/.test(name))

it('removes a removed post\'s pages, shows an edited post\'s text and leaves an unchanged post\'s page alone', async () => {
  mkdirSync(postsDir, { recursive: true })
  writeFileSync(join(postsDir, '2024-01-01-kept.md'), '---\ntitle: Kept\n---\nThe kept post.\n')
  writeFileSync(join(postsDir, '2024-01-02-edited.md'), '---\ntitle: Edited\n---\nThe first text.\n')
  writeFileSync(join(postsDir, '2024-01-03-removed.md'), '---\ntitle: Removed\n---\n> A quote with a page of its own\n\n```mermaid\nflowchart TD\n  A --> B\n```\n')
  await buildOnce()
  const kept = join(outDir, 'blog/kept/index.html')
  const removed = join(outDir, 'blog/removed/index.html')
  expect(existsSync(removed)).toBe(true)
  expect(existsSync(join(outDir, 'blog/removed/quote'))).toBe(true)
  // Mermaid's files are copied while a post has a diagram, and only then.
  expect(mermaidFolders()).toHaveLength(1)
  const keptTime = statSync(kept).mtimeMs

  rmSync(join(postsDir, '2024-01-03-removed.md'))
  writeFileSync(join(postsDir, '2024-01-02-edited.md'), '---\ntitle: Edited\n---\nThe second text.\n')
  await buildOnce()

  expect(existsSync(removed)).toBe(false)
  expect(existsSync(join(outDir, 'blog/removed'))).toBe(false)
  expect(existsSync(join(outDir, 'cards/removed.png'))).toBe(false)
  expect(mermaidFolders()).toEqual([])
  expect(readFileSync(join(outDir, 'blog/edited/index.html'), 'utf8')).toContain('The second text.')
  expect(readFileSync(join(outDir, 'blog/edited/index.html'), 'utf8')).not.toContain('The first text.')
  expect(readFileSync(join(outDir, 'index.html'), 'utf8')).not.toContain('Removed')
  expect(statSync(kept).mtimeMs).toBe(keptTime)
  expect(readFileSync(kept, 'utf8')).toContain('The kept post.')
}, 240_000)
