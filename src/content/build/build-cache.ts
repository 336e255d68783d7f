/**
 * The persistent build cache: what a build made for each post (its rendered markdown, its page, its
 * cards), kept on disk so the next build remakes only what changed. A folder a CI cache can keep:
 * `.cache/jekyll-reader/` in the project (`BUILD_CACHE_DIR` elsewhere; `BUILD_CACHE=false` turns it off).
 *
 * Never wrong before fast: every entry's key hashes everything its value was made from. A post's render
 * is keyed by its path, its source and its place in the site (permalink, path), and by one of two
 * pipeline keys:
 *
 * - a post with Liquid (`{{` or `{%` anywhere in its file) by `pipelineKey`: the pipeline's code (every
 *   file under src/content/, src/markdown/ and src/shared/ and src/site-settings.ts, the theme's includes in src/content/liquid/theme/ among
 *   them, and package-lock.json, so a changed dependency counts), the site settings, the whole setup
 *   object the workers render with (as JSON, whatever it grows to hold: its `site` is what Liquid sees,
 *   `_config.yml`, `_data/` and every document's front matter and URL), the contents of every folder
 *   `site.includeDirs` lists (the site's `_includes/`), and what `plainPipelineKey` hashes. The files
 *   its `include_relative` tags read are checked on every hit (cached-post.ts).
 * - a post without Liquid cannot read `site`, includes or other posts: `plainPipelineKey` keys it, which
 *   hashes only what the markdown pipeline reads besides the post: the code, the project root (paths in
 *   messages), the base path (links, images), and the names, sizes and times of the public folder's files
 *   and of the site folder's static files (posts' images are looked up and measured there). Editing one
 *   post's front matter then renders again that post and the posts with Liquid, not every post.
 *
 * A value is written to a temporary file and renamed into place, so a build that stops half way leaves
 * no torn entry. An entry a build reads or writes has its time set to now; after a successful build,
 * `pruneBuildCache` removes the entries it did not use, so the folder holds one build's worth.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseSwitch } from '../site/resolve-site-settings.ts'

/** The project's own folder: the pipeline's code is hashed from here, wherever the posts are. */
export const PROJECT = fileURLToPath(new URL('../../..', import.meta.url))
/** Every folder the build worker's code is in (worker-bundle.ts checks it), and the dependencies' versions. */
export const CODE = ['src/content', 'src/markdown', 'src/shared', 'src/site-settings.ts', 'package-lock.json']

export interface BuildCache {
  folder: string
  get(kind: string, key: string): Buffer | undefined
  set(kind: string, key: string, value: string | Uint8Array): void
}

/** The cache folder a build uses, or null when the cache is off. */
export function buildCacheFolder(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.BUILD_CACHE !== undefined && !parseSwitch('BUILD_CACHE', env.BUILD_CACHE)) return null
  return resolve(root, env.BUILD_CACHE_DIR ?? '.cache/jekyll-reader')
}

export function openBuildCache(folder: string): BuildCache {
  const pathOf = (kind: string, key: string) => join(folder, kind, key.slice(0, 2), key)
  let written = 0
  return {
    folder,
    get(kind, key) {
      const path = pathOf(kind, key)
      try {
        const value = readFileSync(path)
        // Used by this build: pruning keeps it (see pruneBuildCache).
        const now = new Date()
        utimesSync(path, now, now)
        return value
      } catch {
        return undefined
      }
    },
    set(kind, key, value) {
      const path = pathOf(kind, key)
      const temporary = `${path}.${process.pid}.${written++}.tmp`
      try {
        writeFileSync(temporary, value)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        mkdirSync(join(folder, kind, key.slice(0, 2)), { recursive: true })
        writeFileSync(temporary, value)
      }
      renameSync(temporary, path)
    },
  }
}

export function hashOf(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256')
  for (const part of parts) {
    // Each part's length first: ('ab', 'c') and ('a', 'bc') are different inputs.
    hash.update(`${typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength}:`)
    hash.update(part)
  }
  return hash.digest('hex')
}

/** Every file under the given paths (files or folders), by path relative to `base`, with its contents. */
export function hashTree(base: string, paths: string[]): string {
  const hash = createHash('sha256')
  const add = (path: string) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name))
      return
    }
    hash.update(`${relative(base, path)}\0`)
    hash.update(readFileSync(path))
    hash.update('\0')
  }
  for (const path of paths) add(resolve(base, path))
  return hash.digest('hex')
}

/** Names, sizes and modification times of every file under `folder` (or only `files`, relative to it): enough to see one change, cheap for large assets. */
export function hashListing(folder: string | null, files?: string[]): string {
  const hash = createHash('sha256')
  const add = (path: string) => {
    if (!existsSync(path)) return
    const stat = statSync(path)
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name))
      return
    }
    hash.update(`${relative(folder!, path)}\0${stat.size}\0${stat.mtimeMs}\0`)
  }
  if (folder && files) for (const file of files) add(join(folder, file))
  else if (folder) add(folder)
  return hash.digest('hex')
}

/** The pipeline's code: src/content/, src/markdown/, src/shared/, src/site-settings.ts and package-lock.json of this project. */
export function codeKey(project = PROJECT): string {
  return hashTree(project, CODE)
}

export interface PipelineKeyInput {
  /** codeKey(), computed once per build. */
  code: string
  /** The site settings, as the build resolved them. */
  settings: unknown
  /** Exactly what every worker receives (build-pool.ts's PoolSetup). */
  setup: {
    root?: string
    publicDir?: string | null
    site?: { siteDir: string | null; includeDirs: string[]; staticFiles?: string[] }
  }
}

/** What a post with Liquid depends on besides its own file (see the module's comment). */
export function pipelineKey({ code, settings, setup }: PipelineKeyInput): string {
  const root = setup.root ?? process.cwd()
  const includes = (setup.site?.includeDirs ?? []).map((folder) => hashTree(root, [folder]))
  return hashOf(plainPipelineKey({ code, setup }), JSON.stringify(settings), JSON.stringify(setup), ...includes)
}

/** What a post without Liquid depends on besides its own file and its place in the site: the markdown pipeline's inputs only. */
export function plainPipelineKey({ code, setup }: Omit<PipelineKeyInput, 'settings'> & { setup: PipelineKeyInput['setup'] & { basePath?: string } }): string {
  const siteFiles = setup.site?.siteDir ? hashListing(setup.site.siteDir, setup.site.staticFiles ?? []) : ''
  return hashOf(code, setup.root ?? process.cwd(), setup.basePath ?? '/', setup.publicDir ?? '', hashListing(setup.publicDir ?? null), setup.site?.siteDir ?? '', siteFiles)
}

/** Liquid runs on a post's whole file: without `{{` or `{%` (the `-` forms included) nothing in it reads `site`. */
export function usesLiquid(source: string): boolean {
  return source.includes('{{') || source.includes('{%')
}

/** Entries are used within this much before a build's start time still count as this build's (file times are coarse on some systems). */
const PRUNE_MARGIN_MS = 2000

/**
 * Removes the cache's entries (and temporary files) that no read or write touched since `since`
 * (the start of a build that succeeded): the folder holds what the last build used, not every build's.
 */
export function pruneBuildCache(folder: string, since: number): number {
  let removed = 0
  const before = since - PRUNE_MARGIN_MS
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name)
      if (entry.isDirectory()) {
        walk(child)
        if (readdirSync(child).length === 0) rmSync(child, { recursive: true, force: true })
      } else if (statSync(child).mtimeMs < before) {
        rmSync(child, { force: true })
        removed += 1
      }
    }
  }
  if (existsSync(folder)) walk(folder)
  return removed
}

/**
 * `make()`'s value, from the cache when an earlier build made it from the same `salt` and `input`. The
 * salt holds everything the value depends on besides the input (code, settings, template).
 */
export type Memo = (kind: string, input: string, make: () => Promise<string | Uint8Array>) => Promise<string | Uint8Array>

export function memoIn(cache: BuildCache | null, salt: string): Memo {
  return async (kind, input, make) => {
    if (!cache) return make()
    const key = hashOf(salt, kind, input)
    const hit = cache.get(kind, key)
    if (hit) return hit
    const value = await make()
    cache.set(kind, key, value)
    return value
  }
}
