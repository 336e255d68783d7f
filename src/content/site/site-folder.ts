/**
 * Sorts a Jekyll site's files as Jekyll does: a file that starts with front matter is a page (Jekyll
 * renders it), any other is a static file (Jekyll copies it as it is). Folders and files whose names
 * start with `_` or `.` are Jekyll's own (`_posts`, `_layouts`, `_config.yml`) and are neither, as is
 * whatever `exclude:` in `_config.yml` names (Jekyll's own defaults included). A `_posts` or `_drafts`
 * folder below the root (`blog/_posts/`) is Jekyll's too: its posts are read as the root's are, the
 * folders above it their categories.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import picomatch from 'picomatch'
import type { Problem } from '../post/problem.ts'
import { walkFolder } from './safe-walk.ts'

export interface SiteFolderFiles {
  /** Paths relative to the site folder, with forward slashes. */
  pages: string[]
  staticFiles: string[]
  /** `_posts` folders below the root, relative to the site folder (`blog/_posts`), outside excluded folders. */
  postFolders: string[]
  /** The same for `_drafts`. */
  draftFolders: string[]
  /** Links left out (out of the folder, broken, looping, or to a file Jekyll keeps private). */
  problems: Problem[]
}

/** Jekyll's default `exclude:` list (Jekyll::Configuration::DEFAULTS), plus this app's own output. */
const DEFAULT_EXCLUDES = ['.sass-cache', '.jekyll-cache', 'gemfiles', 'Gemfile', 'Gemfile.lock', 'node_modules', 'vendor/bundle/', 'vendor/cache/', 'vendor/gems/', 'vendor/ruby/', 'dist']

export function listSiteFolder(siteDir: string, exclude: unknown, cwd = process.cwd()): SiteFolderFiles {
  const patterns = [...DEFAULT_EXCLUDES, ...(Array.isArray(exclude) ? exclude.filter((entry): entry is string => typeof entry === 'string') : [])]
  const isExcluded = excludeMatcher(patterns)
  const isPrivate = (relative: string) => relative.split('/').some((part) => part.startsWith('_') || part.startsWith('.'))
  const pages: string[] = []
  const staticFiles: string[] = []
  const postFolders: string[] = []
  const draftFolders: string[] = []
  const { files, problems } = walkFolder(siteDir, {
    rootName: 'the site folder',
    cwd,
    skip: (name, relative, isDirectory) => {
      const skipped = name.startsWith('_') || name.startsWith('.') || isExcluded(relative)
      // The root's own `_posts` is read on its own (read-site.ts); an excluded folder's, never.
      if (isDirectory && relative.includes('/') && !isExcluded(relative)) {
        if (name === '_posts') postFolders.push(relative)
        if (name === '_drafts') draftFolders.push(relative)
      }
      return skipped
    },
    // `public.yml -> _config.yml` is inside the folder, yet would publish what Jekyll never does.
    refuseTarget: (target) => (isPrivate(target) ? 'Jekyll never publishes (a `_` or `.` file or folder)' : isExcluded(target) ? 'is excluded by `exclude:`' : null),
  })
  for (const file of files) (startsWithFrontMatter(file.realPath) ? pages : staticFiles).push(file.relative)
  return { pages, staticFiles, postFolders, draftFolders, problems }
}

/**
 * Jekyll compares each `exclude:` entry with a path relative to the site (File.fnmatch, and a folder
 * excludes what is inside it): `README.md`, `*.log`, `docs/`, `vendor/bundle/`.
 */
export function excludeMatcher(patterns: string[]): (relative: string) => boolean {
  const matchers = patterns.map((pattern) => {
    const cleaned = pattern.replace(/^\.?\//, '').replace(/\/+$/, '')
    return picomatch(cleaned, { dot: true })
  })
  return (relative) => {
    const parts = relative.split('/')
    // A pattern for a folder excludes every path under it.
    return parts.some((_part, index) => {
      const head = parts.slice(0, index + 1).join('/')
      return matchers.some((matches) => matches(head))
    })
  }
}

/** Jekyll reads front matter only from a file whose first line is `---`. */
function startsWithFrontMatter(path: string): boolean {
  const buffer = Buffer.alloc(8)
  const handle = openSync(path, 'r')
  try {
    const read = readSync(handle, buffer, 0, buffer.length, 0)
    return /^\uFEFF?---[ \t]*\r?\n/.test(buffer.subarray(0, read).toString('utf8'))
  } finally {
    closeSync(handle)
  }
}
