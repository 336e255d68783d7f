/**
 * Where a post's local images and files are found: the app's `public/` folder, then the site folder
 * (`SITE_DIR`), whose static files the build copies and the dev server serves at their own paths.
 * A path may carry the base path already (`{{ site.baseurl }}/assets/x.png`).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { RehypeMediaOptions } from '../markdown/rehype/rehype-media.ts'
import { imageDimensions } from './image-dimensions.ts'

export function siteMedia(basePath: string, publicDir: string | null, siteDir: string | null): RehypeMediaOptions {
  const folders = [publicDir, siteDir].filter((folder): folder is string => Boolean(folder))
  const sizes = folders.map((folder) => imageDimensions(folder))
  const withoutBase = (path: string) => (basePath !== '/' && path.startsWith(basePath) ? `/${path.slice(basePath.length)}` : path)
  return {
    basePath,
    exists: (path) => folders.some((folder) => existsSync(join(folder, withoutBase(path)))),
    dimensions: (path) => {
      for (const size of sizes) {
        const found = size(withoutBase(path))
        if (found) return found
      }
      return null
    },
  }
}
