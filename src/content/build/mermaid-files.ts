/**
 * Vite plugin: Mermaid's own prebuilt browser files (`mermaid.esm.min.mjs` and its chunks) are copied
 * as they are to `assets/mermaid-<version>/` (by the posts plugin, when a post or page has a diagram),
 * and src/markdown/mermaid-render.ts imports them from there, rather than the bundler building Mermaid from its sources (`mermaid.core.mjs` with d3,
 * cytoscape, dagre, KaTeX... as separate packages).
 *
 * Measured: bundling Mermaid took ~350 MB of the build's main process (741 -> 394 MB resident when the
 * client bundle is done, on the 9 sample posts; the same at 10,000 posts, where that process peaks at
 * ~1.3 GB) and a share of every build's fixed CPU. Its prebuilt files cost readers more: the renderer a
 * diagram loads is ~198 KB gzip in 19 files against ~163 KB in 20, loaded only on a post with a diagram
 * scrolled near. The version is in the folder's name, so a new Mermaid is a new address.
 *
 * The files are named `.js`, their imports of each other too: not every host knows `.mjs` (S3 uploads
 * it as `binary/octet-stream`, which a browser refuses to run as a module).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'

/** The global the client reads the folder from (declared in src/vite-env.d.ts). */
const DEFINE = '__MERMAID_FOLDER__'
const ENTRY = 'mermaid.esm.min.mjs'
/** Every Mermaid version's folder starts so (service-worker.ts leaves them out of its precache). */
export const MERMAID_FOLDER_PREFIX = 'assets/mermaid-'

/** Mermaid's `./chunk-X.mjs` imports of its own files, as `.js`. */
export function asJs(source: string): string {
  return source.replace(/(\.\/[\w./-]+)\.mjs(?=["'])/g, '$1.js')
}

interface MermaidDist {
  /** `assets/mermaid-11.17.2/`, under the base path. */
  folder: string
  /** Mermaid's `dist/`. */
  dist: string
  /** The entry and its chunks, relative to `dist` (no source maps). */
  files: string[]
}

function findMermaidDist(root: string): MermaidDist {
  const require = createRequire(join(root, 'package.json'))
  const packageFile = require.resolve('mermaid/package.json')
  const { version } = JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string }
  const dist = join(dirname(packageFile), 'dist')
  const chunks = join(dist, 'chunks', 'mermaid.esm.min')
  const files = [ENTRY, ...readdirSync(chunks).filter((name) => name.endsWith('.mjs')).map((name) => relative(dist, join(chunks, name)).split(sep).join('/'))]
  return { folder: `${MERMAID_FOLDER_PREFIX}${version}/`, dist, files }
}

/**
 * The files a build copies, as [file name in dist/, source]; only for a site with a diagram (the posts
 * plugin asks: see mermaid-blocks.ts). The client's address of them is defined either way.
 */
export function mermaidAssets(root: string): Array<[string, string]> {
  const { folder, dist, files } = findMermaidDist(root)
  return files.map((file) => [`${folder}${file.replace(/\.mjs$/, '.js')}`, asJs(readFileSync(join(dist, file), 'utf8'))])
}

export function mermaidFiles(): Plugin {
  let config: ResolvedConfig
  let mermaid: MermaidDist | null = null
  const load = (root: string) => (mermaid ??= findMermaidDist(root))

  return {
    name: 'mermaid-files',
    config(userConfig) {
      const { folder } = load(userConfig.root ?? process.cwd())
      return { define: { [DEFINE]: JSON.stringify(folder) } }
    },
    configResolved(resolved) {
      config = resolved
    },
    configureServer(server) {
      const { folder, dist, files } = load(config.root)
      const known = new Set(files)
      const prefix = `${config.base}${folder}`
      server.middlewares.use((request, response, next) => {
        const path = request.url?.split('?')[0] ?? ''
        const file = path.startsWith(prefix) ? path.slice(prefix.length).replace(/\.js$/, '.mjs') : null
        // Only Mermaid's own files, by their exact names: never a path out of its folder.
        if (file === null || !known.has(file)) return next()
        response.setHeader('Content-Type', 'text/javascript; charset=utf-8')
        response.end(asJs(readFileSync(join(dist, file), 'utf8')))
      })
    },
  }
}
