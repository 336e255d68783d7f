/**
 * The persistent build cache: what a build made for each post (its rendered markdown, its page, its
 * cards), kept on disk so the next build remakes only what changed. A folder a CI cache can keep:
 * `.cache/jekyll-reader/` in the project (`BUILD_CACHE_DIR` elsewhere; `BUILD_CACHE=false` turns it off).
 *
 * Never wrong before fast: every entry's key hashes everything its value was made from. A post's render
 * is keyed by its path and source and by the pipeline key, which hashes the pipeline's code (every file
 * under src/content/ and src/markdown/, the theme's includes in src/content/liquid/theme/ among them, and
 * package-lock.json, so a changed dependency counts), the site settings, the whole setup object the
 * workers render with (as JSON, whatever it grows to hold: its `site` is what Liquid sees, `_config.yml`,
 * `_data/` and every document's front matter and URL), the contents of every folder `site.includeDirs`
 * lists (the site's `_includes/`), and the names, sizes and times of the public folder's files and of the
 * site folder's static files (posts' images are looked up and measured there). A value is written to a
 * temporary file and renamed into place, so a build that stops half way leaves no torn entry.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseSwitch } from '../site/resolve-site-settings.ts'

/** The project's own folder: the pipeline's code is hashed from here, wherever the posts are. */
const PROJECT = fileURLToPath(new URL('../../..', import.meta.url))
const CODE = ['src/content', 'src/markdown', 'package-lock.json']

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
      try {
        return readFileSync(pathOf(kind, key))
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

/** The pipeline's code: src/content/, src/markdown/ and package-lock.json of this project. */
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

/** What every post's render depends on besides its own file (see the module's comment). */
export function pipelineKey({ code, settings, setup }: PipelineKeyInput): string {
  const root = setup.root ?? process.cwd()
  const includes = (setup.site?.includeDirs ?? []).map((folder) => hashTree(root, [folder]))
  const siteFiles = setup.site?.siteDir ? hashListing(setup.site.siteDir, setup.site.staticFiles ?? []) : ''
  return hashOf(code, JSON.stringify(settings), JSON.stringify(setup), ...includes, siteFiles, hashListing(setup.publicDir ?? null))
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
