/**
 * Writes what a site folder adds to `dist/`, once output-plan.ts has given each file its place: pages in
 * the app's frame, redirect pages, the Atom feed again at the site's old feed addresses, and static files
 * copied as they are (Jekyll copies a file without front matter). Every path goes through
 * `outputPath`, the build's one check that a file stays inside `dist/`.
 */
import { copyFileSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import type { SiteSettings } from '../../site-settings.ts'
import type { SiteOutput } from './site-outputs.ts'
import { outputPath } from './output-paths.ts'
import { redirectHtml, sitePageHtml } from './site-pages.ts'
import { isInside } from '../site/safe-walk.ts'

export interface SiteWriteCounts {
  pages: number
  copied: number
}

/** `template`: the built `index.html`, read before the list page took its place. */
export function writeSiteOutputs(outDir: string, template: string, siteDir: string | null, outputs: SiteOutput[], settings: SiteSettings): SiteWriteCounts {
  const counts = { pages: 0, copied: 0 }
  for (const output of outputs) {
    const path = outputPath(outDir, output.file)
    if (output.kind === 'static') {
      const from = staticSource(siteDir, output.from)
      if (!from) continue
      mkdirSync(dirname(path), { recursive: true })
      copyFileSync(from, path)
      counts.copied += 1
      continue
    }
    mkdirSync(dirname(path), { recursive: true })
    if (output.kind === 'feed') {
      copyFileSync(join(outDir, 'feed.xml'), path)
      counts.copied += 1
    } else {
      writeFileSync(path, output.kind === 'page' ? sitePageHtml(template, output.page, settings) : redirectHtml(output.redirect.to, settings))
      counts.pages += 1
    }
  }
  return counts
}

/**
 * The file to copy, by its real path, or null: the site reader listed it, but it may have been swapped
 * for a link out of the site folder (or to `_config.yml`) since; copyFileSync would follow that link.
 */
function staticSource(siteDir: string | null, file: string): string | null {
  if (!siteDir) return null
  try {
    const root = realpathSync(siteDir)
    const real = realpathSync(join(siteDir, file))
    if (!isInside(root, real) || relative(root, real).split(sep).some((part) => part.startsWith('_') || part.startsWith('.'))) return null
    return real
  } catch {
    return null
  }
}
