/**
 * The disk side of the pipeline: finds and reads post files. A Jekyll `_posts` folder may hold
 * sub-folders (categories), so the search is recursive; dot folders and `_drafts` are skipped.
 *
 * Posts may come from guests and pull requests, so a symbolic link is followed only when it points
 * inside the posts folder: a link to `~/.ssh/id_rsa.md` or to `/etc` would otherwise be published in the
 * pages, the feeds and the data files. Links out, broken links and loops are left out with a warning
 * naming the link, never a raw `ELOOP` or `ENOENT`.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { join, relative, sep, isAbsolute } from 'node:path'
import { isPostFile } from '../post/file-name.ts'
import type { Problem } from '../post/problem.ts'
import { decodePostBytes, type ReadProblem } from './post-bytes.ts'

export interface PostSource {
  /** Absolute path. */
  path: string
  /** Path as shown in messages: relative to the working folder, with forward slashes. */
  file: string
  source: string
  /** The file is binary, or not valid UTF-8 (see post-bytes.ts). */
  problem: ReadProblem | null
}

export interface PostsFolderScan {
  paths: string[]
  /** Warnings about links left out, by the link's path. */
  problems: Problem[]
}

/** `html`: HTML posts too (a site folder's `_posts`, as Jekyll reads it). */
export function scanPostsFolder(folder: string, cwd = process.cwd(), options: { html?: boolean } = {}): PostsFolderScan {
  let root: string
  try {
    root = realpathSync(folder)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`Posts folder ${folder} does not exist. Create it, or set POSTS_DIR to your Jekyll _posts folder`)
    }
    throw error
  }
  const paths: string[] = []
  const problems: Problem[] = []
  // Real paths already read: a link to a folder above it would loop, a second link to a file repeat it.
  const seen = new Set<string>([root])
  const leaveOut = (path: string, reason: string) => problems.push({ file: displayPath(path, cwd), line: null, column: null, reason, fatal: false })

  const walk = (dir: string, realDir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith('.') && entry.name !== '_drafts' && entry.name !== 'node_modules')
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const path = join(dir, entry.name)
      let isDirectory = entry.isDirectory()
      let target = join(realDir, entry.name)
      if (entry.isSymbolicLink()) {
        try {
          target = realpathSync(path)
          isDirectory = statSync(target).isDirectory()
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code
          leaveOut(path, code === 'ELOOP' ? 'This link leads round in a loop; it was left out. Remove it' : 'This link points to nothing; it was left out. Remove it or point it at a file in the posts folder')
          continue
        }
        if (!isInside(root, target)) {
          if (isDirectory || isPostFile(entry.name, options)) leaveOut(path, `This link points outside the posts folder (to ${target}); it was left out, since a post may come from anyone. Copy the file into the posts folder instead`)
          continue
        }
      } else if (!isDirectory && !entry.isFile()) {
        continue // sockets, devices, pipes
      }
      if (seen.has(target)) continue
      seen.add(target)
      if (isDirectory) walk(path, target)
      else if (isPostFile(entry.name, options)) paths.push(path)
    }
  }
  walk(folder, root)
  return { paths, problems }
}

export function listPostFiles(folder: string, options: { html?: boolean } = {}): string[] {
  return scanPostsFolder(folder, process.cwd(), options).paths
}

export function readPostSource(path: string, cwd = process.cwd()): PostSource {
  const { text, problem } = decodePostBytes(readFileSync(path))
  return { path, file: displayPath(path, cwd), source: text, problem }
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path)
  return (shown.startsWith('..') ? path : shown).split(sep).join('/')
}

function isInside(root: string, path: string): boolean {
  const inside = relative(root, path)
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))
}
