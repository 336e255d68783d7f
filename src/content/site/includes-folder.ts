/**
 * The site's `_includes/` folder, checked before Liquid may read from it: the folder itself (or an
 * `includes_dir:` of `../..`) must really be inside the site folder, and a link in it that points out of
 * the site folder, nowhere, or round in a loop is named in a warning. Liquid resolves the include names
 * itself (src/content/liquid/), so this is where the author hears of such a link.
 */
import { existsSync, realpathSync } from 'node:fs'
import { formatProblem } from '../post/problem.ts'
import { displayPath, isInside, walkFolder } from './safe-walk.ts'

export function checkIncludesFolder(folder: string, siteDir: string, cwd = process.cwd()): { usable: boolean; warnings: string[] } {
  if (!existsSync(folder)) return { usable: false, warnings: [] }
  const real = realpathSync(folder)
  if (!isInside(realpathSync(siteDir), real)) {
    return { usable: false, warnings: [`${displayPath(folder, cwd)}: not read for {% include %}: it is outside the site folder (it is ${real}). Move the includes into the site folder`] }
  }
  const walked = walkFolder(folder, { root: siteDir, rootName: 'the site folder', cwd })
  return { usable: true, warnings: walked.problems.map(formatProblem) }
}
