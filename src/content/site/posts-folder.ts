/**
 * The disk side of the pipeline: finds and reads post files. A Jekyll `_posts` folder may hold
 * sub-folders (categories), so the search is recursive; dot folders and `_drafts` are skipped.
 *
 * Posts may come from guests and pull requests, so a symbolic link is followed only when it points
 * inside the posts folder: a link to `~/.ssh/id_rsa.md` or to `/etc` would otherwise be published in the
 * pages, the feeds and the data files. Links out, broken links and loops are left out with a warning
 * naming the link, never a raw `ELOOP` or `ENOENT`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { displayPath, walkFolder } from './safe-walk.ts'
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

/**
 * `html`: HTML posts too (a site folder's `_posts`, as Jekyll reads it). `root`: the folder links must
 * stay inside (a site folder's `_posts` may link to a file elsewhere in the site; default: the posts folder).
 */
export function scanPostsFolder(folder: string, cwd = process.cwd(), options: { html?: boolean; root?: string; rootName?: string } = {}): PostsFolderScan {
  if (!existsSync(folder)) throw new Error(`Posts folder ${folder} does not exist. Create it, or set POSTS_DIR to your Jekyll _posts folder`)
  const { files, problems } = walkFolder(folder, {
    ...(options.root ? { root: options.root } : {}),
    rootName: options.rootName ?? 'the posts folder',
    cwd,
    onceEach: true,
    skip: (name, _relative, isDirectory) => name.startsWith('.') || name === '_drafts' || name === 'node_modules' || (!isDirectory && !isPostFile(name, options)),
  })
  return { paths: files.map((file) => file.path), problems }
}

export function listPostFiles(folder: string, options: { html?: boolean; root?: string } = {}): string[] {
  return scanPostsFolder(folder, process.cwd(), options).paths
}

export function readPostSource(path: string, cwd = process.cwd()): PostSource {
  const { text, problem } = decodePostBytes(readFileSync(path))
  return { path, file: displayPath(path, cwd), source: text, problem }
}

export { displayPath }
