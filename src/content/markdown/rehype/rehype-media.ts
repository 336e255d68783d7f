/**
 * rehype plugin, after sanitizing: makes the sanitized tree fit this app.
 *
 * - Local image and link URLs (`/assets/x.png`, `images/x.png`) get the app's base path.
 * - Images load lazily; a missing local image is reported (`exists` tells which files are there).
 * - Local images get their `width` and `height` (from the file, `dimensions`), so the page keeps their
 *   place before they load and nothing below them moves; an author's own width keeps its aspect ratio.
 * - `target="_blank"` links get `rel="noopener noreferrer"`.
 * - Iframes are kept only when they embed YouTube or Vimeo.
 */
import type { Element, Root } from 'hast'
import type { VFile } from 'vfile'
import { eachElement } from '../hast-walk.ts'

export interface RehypeMediaOptions {
  basePath: string
  /** Whether a root-relative path (`/assets/x.png`) exists in `public/`; omit to skip the check. */
  exists?: (path: string) => boolean
  /** The pixel size of a root-relative path in `public/`, or null when unknown. */
  dimensions?: (path: string) => { width: number; height: number } | null
}

const EMBED_HOSTS = /^https:\/\/(?:www\.)?(?:youtube\.com|youtube-nocookie\.com|player\.vimeo\.com)\//

export function rehypeMedia(options: RehypeMediaOptions) {
  return (tree: Root, file: VFile) => {
    eachElement(tree, (node: Element, index, parent) => {
      if (node.tagName === 'iframe') {
        const src = String(node.properties.src ?? '')
        if (!EMBED_HOSTS.test(src)) {
          file.message(`Iframe from ${src || 'nowhere'} removed: only YouTube and Vimeo embeds are allowed`, {
            place: node.position,
            ruleId: 'iframe-host',
            source: 'jekyll-reader',
          }).fatal = false
          parent.children.splice(index, 1)
          return
        }
        node.properties.loading = 'lazy'
      }
      if (node.tagName === 'img') {
        const src = typeof node.properties.src === 'string' ? node.properties.src : ''
        if (isLocal(src)) {
          const path = '/' + src.replace(/^\.?\//, '').replace(/[?#].*$/, '')
          if (options.exists && !options.exists(safeDecode(path))) {
            file.message(`Image ${src} not found in public${path}: add the file there or fix the path`, {
              place: node.position,
              ruleId: 'image-missing',
              source: 'jekyll-reader',
            }).fatal = false
          }
          node.properties.src = withBase(src, options.basePath)
          const size = options.dimensions?.(safeDecode(path))
          if (size) setSize(node, size)
        }
        node.properties.loading = 'lazy'
        node.properties.decoding = 'async'
      }
      if (node.tagName === 'a') {
        const href = typeof node.properties.href === 'string' ? node.properties.href : ''
        if (isLocal(href) && href.startsWith('/')) node.properties.href = withBase(href, options.basePath)
        if (node.properties.target === '_blank') node.properties.rel = ['noopener', 'noreferrer']
      }
      return undefined
    })
  }
}

/** The image's intrinsic size, scaled to the width or height an author gave (`{: width="400" }`). */
function setSize(node: Element, size: { width: number; height: number }) {
  const width = Number(node.properties.width)
  const height = Number(node.properties.height)
  if (width > 0 && height > 0) return
  if (width > 0) node.properties.height = Math.round((width * size.height) / size.width)
  else if (height > 0) node.properties.width = Math.round((height * size.width) / size.height)
  else Object.assign(node.properties, size)
}

/** A path as a file name: `%20` decoded, a malformed escape kept as written, no way out of `public/`. */
function safeDecode(path: string): string {
  let decoded = path
  try {
    decoded = decodeURI(path)
  } catch {
    // Kept as written: the check then reports it missing, which it is.
  }
  return decoded.split('/').filter((part) => part !== '..' && part !== '.').join('/')
}

function isLocal(url: string): boolean {
  return url !== '' && !url.startsWith('#') && !/^[a-z][a-z\d+.-]*:|^\/\//i.test(url)
}

function withBase(url: string, basePath: string): string {
  const base = basePath.endsWith('/') ? basePath : basePath + '/'
  if (url.startsWith(base)) return url
  return base + url.replace(/^\.?\//, '')
}
