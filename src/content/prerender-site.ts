/**
 * Runs the prerender after the client build: bundles `src/app/server-entry.tsx` for Node with the
 * same Vite config (so the same components, plugins and settings), then renders every page with it.
 */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import type { Collection } from './collection.ts'
import type { SiteSettings } from '../site-settings.ts'
import { prerender, type RenderPage } from './prerender.ts'

export interface PrerenderSiteOptions {
  root: string
  configFile: string | undefined
  mode: string
  outDir: string
  collection: Collection
  settings: SiteSettings
}

export async function prerenderSite(options: PrerenderSiteOptions): Promise<number> {
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
  try {
    const entry = (await import(pathToFileURL(join(serverDir, 'server-entry.js')).href)) as { renderPage: RenderPage }
    return await prerender({
      outDir: options.outDir,
      template: readFileSync(join(options.outDir, 'index.html'), 'utf8'),
      settings: options.settings,
      index: options.collection.index,
      posts: options.collection.posts,
      renderPage: entry.renderPage,
    })
  } finally {
    rmSync(serverDir, { recursive: true, force: true })
  }
}
