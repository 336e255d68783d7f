/**
 * The disk side of the pipeline: finds and reads post files. A Jekyll `_posts` folder may hold
 * sub-folders (categories), so the search is recursive; dot folders and `_drafts` are skipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { isPostFile } from '../post/file-name.ts'

export interface PostSource {
  /** Absolute path. */
  path: string
  /** Path as shown in messages: relative to the working folder, with forward slashes. */
  file: string
  source: string
}

/** `html`: HTML posts too (a site folder's `_posts`, as Jekyll reads it). */
export function listPostFiles(folder: string, options: { html?: boolean } = {}): string[] {
  let entries: string[]
  try {
    entries = readdirSync(folder)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`Posts folder ${folder} does not exist. Create it, or set POSTS_DIR to your Jekyll _posts folder`)
    }
    throw error
  }
  return entries
    .filter((name) => !name.startsWith('.') && name !== '_drafts' && name !== 'node_modules')
    .sort()
    .flatMap((name) => {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) return listPostFiles(path, options)
      return isPostFile(name, options) ? [path] : []
    })
}

export function readPostSource(path: string, cwd = process.cwd()): PostSource {
  return { path, file: displayPath(path, cwd), source: readFileSync(path, 'utf8') }
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path)
  return (shown.startsWith('..') ? path : shown).split(sep).join('/')
}
