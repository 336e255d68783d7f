/**
 * The site's `_includes/` folder, checked before Liquid may read from it: the folder itself (or an
 * `includes_dir:` of `../..`) must really be inside the site folder, and a link in it that points out of
 * the site folder, nowhere, or round in a loop is named in a warning. Liquid resolves the include names
 * itself (src/content/liquid/): it should read only the files listed here (`JekyllSite.includeFiles`).
 */
import { existsSync, realpathSync } from 'node:fs'
import { formatProblem } from '../post/problem.ts'
import { displayPath, isInside, walkFolder } from './safe-walk.ts'

export interface IncludesFolder {
  usable: boolean
  /** The include files Liquid may read, relative to the folder (`elements/note.html`): links out are not. */
  files: string[]
  warnings: string[]
}

export function checkIncludesFolder(folder: string, siteDir: string, cwd = process.cwd()): IncludesFolder {
  if (!existsSync(folder)) return { usable: false, files: [], warnings: [] }
  const real = realpathSync(folder)
  if (!isInside(realpathSync(siteDir), real)) {
    return { usable: false, files: [], warnings: [`${displayPath(folder, cwd)}: not read for {% include %}: it is outside the site folder (it is ${real}). Move the includes into the site folder`] }
  }
  const walked = walkFolder(folder, { root: siteDir, rootName: 'the site folder', cwd })
  return { usable: true, files: walked.files.map((file) => file.relative), warnings: walked.problems.map(formatProblem) }
}
