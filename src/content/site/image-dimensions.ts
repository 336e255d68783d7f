/**
 * The pixel size of images in `public/`, read from their headers (image-size) once per file, so a
 * post's `<img>` carries `width` and `height` and the page does not shift as images load.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { imageSize } from 'image-size'

export function imageDimensions(publicDir: string | null): (path: string) => { width: number; height: number } | null {
  const known = new Map<string, { width: number; height: number } | null>()
  return (path) => {
    if (!publicDir) return null
    if (!known.has(path)) known.set(path, read(join(publicDir, path)))
    return known.get(path)!
  }
}

function read(file: string): { width: number; height: number } | null {
  try {
    const { width, height } = imageSize(readFileSync(file))
    return width && height ? { width, height } : null
  } catch {
    // Missing (reported by rehype-media) or not an image format it knows (an SVG without a size).
    return null
  }
}
