/**
 * The one walker of an author's folders (the posts folder, a site folder, its `_posts`, `_drafts`,
 * `_data`, `_includes` and collections). A site may come from guests and pull requests, so a symbolic
 * link is followed only when its real path is inside `root`: a link to `~/.ssh/id_rsa` or to `/etc`
 * would otherwise be published as a page, a static file or `site.data`. Links out, broken links and
 * loops are left out with a warning naming the link, never a raw `ELOOP` or `ENOENT`.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import type { Problem } from '../post/problem.ts'

export interface WalkedFile {
  /** The path on disk as the walk reached it (a link's own path, not its target). */
  path: string
  /** Relative to the folder walked, with forward slashes: `assets/logo.png`. */
  relative: string
  /** The real path: what reading or serving the file reads. */
  realPath: string
}

export interface WalkOptions {
  /** Links must resolve inside this folder (default: the folder walked). */
  root?: string
  /** What messages call the root: `the posts folder`, `the site folder`. */
  rootName?: string
  /** Leaves out a file or folder by its name and path relative to the folder walked (no warning). */
  skip?: (name: string, relative: string, isDirectory: boolean) => boolean
  /** Whether a link out of `root` to this entry is worth a warning (default: always). */
  warnLinkOut?: (name: string, isDirectory: boolean) => boolean
  /**
   * Whether a link's target (relative to `root`) may be published: a link to `_config.yml` or into
   * `.git/` is inside the site folder, yet Jekyll never publishes those. Null: yes; else why not.
   */
  refuseTarget?: (targetRelative: string) => string | null
  /** Read a file reached twice (two links to one file) once only: posts must not repeat. */
  onceEach?: boolean
  /** Messages name files relative to it. */
  cwd?: string
  /** Or, instead of `cwd`, how messages name a path. */
  show?: (path: string) => string
}

export interface FolderWalk {
  files: WalkedFile[]
  /** Warnings about links left out, by the link's path. */
  problems: Problem[]
}

/** Every file under `folder`, in name order, sub-folders included. A missing folder has none. */
export function walkFolder(folder: string, options: WalkOptions = {}): FolderWalk {
  const files: WalkedFile[] = []
  const problems: Problem[] = []
  let realFolder: string
  let root: string
  try {
    realFolder = realpathSync(folder)
    root = options.root === undefined ? realFolder : realpathSync(options.root)
  } catch {
    return { files, problems }
  }
  const rootName = options.rootName ?? 'the folder'
  const cwd = options.cwd ?? process.cwd()
  const show = options.show ?? ((path: string) => displayPath(path, cwd))
  if (!isInside(root, realFolder)) {
    problems.push(warning(show(folder), `This folder is outside ${rootName} (it is ${realFolder}); it was not read. Move it into ${rootName}`))
    return { files, problems }
  }
  // Real paths already read (with onceEach): a second link to a file or folder is not read again.
  const seenFiles = new Set<string>(options.onceEach ? [realFolder] : [])
  const leaveOut = (path: string, reason: string) => problems.push(warning(show(path), reason))

  // `inPath`: the real folders from the top to here; a link back to one of them would loop for ever.
  const walk = (dir: string, realDir: string, prefix: string, inPath: Set<string>) => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const path = join(dir, entry.name)
      const inside = `${prefix}${entry.name}`
      let isDirectory = entry.isDirectory()
      let target = join(realDir, entry.name)
      if (entry.isSymbolicLink()) {
        try {
          target = realpathSync(path)
          isDirectory = statSync(target).isDirectory()
        } catch (error) {
          if (options.skip?.(entry.name, inside, false)) continue
          const code = (error as NodeJS.ErrnoException).code
          leaveOut(path, code === 'ELOOP' ? 'This link leads round in a loop; it was left out. Remove it' : `This link points to nothing; it was left out. Remove it or point it at a file in ${rootName}`)
          continue
        }
        if (options.skip?.(entry.name, inside, isDirectory)) continue
        if (!isInside(root, target)) {
          if (options.warnLinkOut?.(entry.name, isDirectory) ?? true) {
            leaveOut(path, `This link points outside ${rootName} (to ${target}); it was left out, since a post may come from anyone. Copy the file into ${rootName} instead`)
          }
          continue
        }
        const refused = options.refuseTarget?.(slashed(relative(root, target)))
        if (refused) {
          leaveOut(path, `This link points to ${slashed(relative(root, target))}, which ${refused}; it was left out. Remove the link`)
          continue
        }
        if (isDirectory && inPath.has(target) && !(options.onceEach && seenFiles.has(target))) {
          leaveOut(path, 'This link leads round in a loop; it was left out. Remove it')
          continue
        }
      } else if (options.skip?.(entry.name, inside, isDirectory)) {
        continue
      } else if (!isDirectory && !entry.isFile()) {
        continue // sockets, devices, pipes
      }
      if (isDirectory) {
        if (options.onceEach && seenFiles.has(target)) continue
        if (options.onceEach) seenFiles.add(target)
        walk(path, target, `${inside}/`, new Set([...inPath, target]))
        continue
      }
      if (options.onceEach && seenFiles.has(target)) continue
      seenFiles.add(target)
      files.push({ path, relative: inside, realPath: target })
    }
  }
  walk(folder, realFolder, '', new Set([realFolder]))
  return { files, problems }
}

/** Whether `path` is `root` or inside it (both real paths). */
export function isInside(root: string, path: string): boolean {
  const inside = relative(root, path)
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))
}

/** A path as messages show it: relative to the working folder, with forward slashes. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path)
  return (shown.startsWith('..') ? path : shown).split(sep).join('/')
}

function warning(file: string, reason: string): Problem {
  return { file, line: null, column: null, reason, fatal: false }
}

function slashed(path: string): string {
  return path.split(sep).join('/')
}
