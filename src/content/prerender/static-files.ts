/**
 * Copies a site folder's static files (site/site-folder.ts: images, PDFs, anything without front
 * matter outside `_` folders and `exclude:`) into the build, at their own paths, as Jekyll does. A file
 * the build has written already (the app's own page, a Vite asset, a prerendered page) is kept, and the
 * static file left out with a warning.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { JekyllSite } from '../site/jekyll-site.ts'
import { copyOutputFile, outputPath } from './output-file.ts'
import { fileOfUrl } from '../site/site-permalink.ts'

export function copyStaticFiles(site: JekyllSite, outDir: string, warn: (message: string) => void): number {
  if (!site.siteDir) return 0
  let copied = 0
  for (const file of site.staticFiles ?? []) {
    if (existsSync(outputPath(outDir, file))) {
      warn(`${file} of the site folder is not copied: the build has written ${file} itself. Rename or move the file`)
      continue
    }
    copyOutputFile(outDir, file, join(site.siteDir, file))
    copied += 1
  }
  return copied
}

/** The app's Atom feed again at each address the site's own feed had (`/atom.xml`), so subscribers keep it. */
export function copyFeedToOldUrls(site: JekyllSite, outDir: string): number {
  const urls = (site.feedUrls ?? []).filter((url) => url !== '/feed.xml')
  for (const url of urls) copyOutputFile(outDir, fileOfUrl(url), join(outDir, 'feed.xml'))
  return urls.length
}
