/**
 * Runs the prerender after the client build: bundles `src/app/server-entry.tsx` for Node with the
 * same Vite config (so the same components, plugins and settings), then renders every page with it:
 * the few index pages here, every post's pages in the build pool's workers.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import type { Collection } from '../site/collection.ts'
import type { SiteSettings } from '../../site-settings.ts'
import type { BuildPool } from '../build/build-pool.ts'
import { indexPages, postPages, startAppAfterFirstPaint, writeIndexPages, type RenderPage } from './prerender.ts'
import { archivePages, seriesPages } from './archive-pages.ts'
import { releaseMemoryEvery } from '../build/release-memory.ts'
import { hashOf, hashTree } from '../build/build-cache.ts'
import { outputWriter } from '../build/write-if-changed.ts'

export interface ServerBundleOptions {
  root: string
  configFile: string | undefined
  mode: string
}

/**
 * Bundles the prerender entry; returns the folder it is in (remove it when done). It needs nothing from
 * the client build, so the build starts it at once and it runs beside the client bundle and the posts.
 */
export async function bundleServerEntry(options: ServerBundleOptions): Promise<string> {
  // Inside the project, so the bundle's imports of react and friends resolve from its node_modules;
  // a folder per build, since Node caches an imported module by its path for the life of the process.
  const serverDir = join(options.root, 'node_modules', '.prerender', `${process.pid}-${Date.now()}`)
  await build({
    root: options.root,
    configFile: options.configFile,
    mode: options.mode,
    logLevel: 'warn',
    build: {
      ssr: 'src/app/server-entry.tsx',
      outDir: serverDir,
      emptyOutDir: true,
      copyPublicDir: false,
      rollupOptions: { output: { entryFileNames: 'server-entry.js' } },
    },
  })
  return serverDir
}

export interface PrerenderSiteOptions {
  /** The folder bundleServerEntry made. */
  serverDir: string
  outDir: string
  collection: Collection
  settings: SiteSettings
  pool: BuildPool
  /** codeKey() of the build cache (src/content/build/build-cache.ts); null when the cache is off. */
  cacheCode: string | null
}

export async function prerenderSite(options: PrerenderSiteOptions): Promise<number> {
  const serverEntry = join(options.serverDir, 'server-entry.js')
  const template = startAppAfterFirstPaint(readFileSync(join(options.outDir, 'index.html'), 'utf8'))
  const { outDir, settings, pool } = options
  // A post's page and cards depend on the post and on this: the pipeline's code, the prerender bundle
  // (the app's components), the built template (the client's asset names) and the settings.
  const cacheSalt = options.cacheCode === null ? null : hashOf(options.cacheCode, hashTree(options.serverDir, ['.']), template, JSON.stringify(settings))
  await pool.setupPrerender({ serverEntry, outDir, template, settings, cacheSalt })
  const entry = (await import(pathToFileURL(serverEntry).href)) as { renderPage: RenderPage }
  const pages = [...indexPages(options.collection), ...archivePages(options.collection), ...seriesPages(options.collection)]
  const indexed = writeIndexPages({ outDir, template, settings, renderPage: entry.renderPage, write: outputWriter() }, pages)

  // Handed out a few at a time: each task carries a post's data. The index pages render here meanwhile.
  let written = 0
  const running = new Set<Promise<void>>()
  const collectNow = releaseMemoryEvery(1000)
  for (const task of postPages(options.collection)) {
    collectNow()
    const done: Promise<void> = pool.writePostPages(task).then((count) => {
      written += count
      running.delete(done)
    })
    running.add(done)
    if (running.size >= pool.size * 4) await Promise.race(running)
  }
  await Promise.all(running)
  return written + (await indexed)
}
