/**
 * Runs the prerender after the client build: bundles `src/app/server-entry.tsx` for Node with the
 * same Vite config (so the same components, plugins and settings), then renders every page with it, here,
 * while the build pool's worker draws the posts' cards (post-cards.ts says why they are split so).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import type { Collection } from '../site/collection.ts'
import type { SiteSettings } from '../../site-settings.ts'
import type { BuildPool } from '../build/build-pool.ts'
import { indexPages, postCards, postPages, startAppAfterFirstPaint, writeIndexPages, writePostPages, type RenderPage } from './prerender.ts'
import { archivePages, seriesPages } from './archive-pages.ts'
import { releaseMemoryEvery } from '../build/release-memory.ts'
import { hashOf, hashTree, memoIn, type BuildCache } from '../build/build-cache.ts'
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
      // Nobody reads this bundle's sizes: no gzip of each chunk to report them.
      reportCompressedSize: false,
      rollupOptions: { output: { entryFileNames: 'server-entry.js' } },
    },
  })
  return serverDir
}

export interface PostCardsOptions {
  outDir: string
  collection: Collection
  settings: SiteSettings
  /** Whose workers draw the cards. */
  pool: BuildPool
  /** The build cache (src/content/build/build-cache.ts) and its codeKey(); null when it is off. */
  cache: { store: BuildCache; code: string } | null
}

export interface PrerenderSiteOptions extends Omit<PostCardsOptions, 'pool'> {
  /** The folder bundleServerEntry made. */
  serverDir: string
}

/** Posts whose cards go to a worker in one request: ~50 cards, ~40 ms of drawing. */
const CARD_POSTS_A_REQUEST = 20
/** Posts written between two turns of the event loop, in which the workers' replies are read and more work is sent. */
const POSTS_BETWEEN_TURNS = 20

/**
 * Has the pool's workers draw every post's cards; returns how many, once written. A card needs only its
 * post's title and quotes and the site's title, so the build starts this as soon as the posts are
 * checked, and the workers draw while the prerender bundle is made and the pages are written here.
 */
export async function drawPostCards(options: PostCardsOptions): Promise<number> {
  const { outDir, collection, settings, pool, cache } = options
  // A card depends on what it shows and on the code that draws it (its fonts are in the lock file).
  await pool.setupCards({ outDir, cacheSalt: cache && hashOf(cache.code) })
  // A few posts a request: the worker always has work queued even while this process is busy for a
  // while without a turn of its event loop (pages from the build cache are written without one).
  const posts = [...postPages(collection)].map((task) => postCards(task, settings))
  const requests: Array<Promise<number>> = []
  for (let start = 0; start < posts.length; start += CARD_POSTS_A_REQUEST) requests.push(pool.drawCards(posts.slice(start, start + CARD_POSTS_A_REQUEST)))
  return (await Promise.all(requests)).reduce((sum, count) => sum + count, 0)
}

/** Writes every page (the index pages, then each post's); returns how many. The cards are drawPostCards'. */
export async function prerenderSite(options: PrerenderSiteOptions): Promise<number> {
  const serverEntry = join(options.serverDir, 'server-entry.js')
  const template = startAppAfterFirstPaint(readFileSync(join(options.outDir, 'index.html'), 'utf8'))
  const { outDir, settings, cache, collection } = options
  // A post's page depends on the post and on the code, the prerender bundle (the app's components), the
  // built template (the client's asset names) and the settings.
  const memo = cache && memoIn(cache.store, hashOf(cache.code, hashTree(options.serverDir, ['.']), template, JSON.stringify(settings)))
  const entry = (await import(pathToFileURL(serverEntry).href)) as { renderPage: RenderPage }
  const context = { outDir, template, settings, renderPage: entry.renderPage, write: outputWriter(), ...(memo ? { memo } : {}) }
  let written = await writeIndexPages(context, [...indexPages(collection), ...archivePages(collection), ...seriesPages(collection)])
  const collectNow = releaseMemoryEvery(1000)
  let sinceTurn = 0
  for (const task of postPages(collection)) {
    collectNow()
    written += await writePostPages(context, task)
    // A page from the build cache is written without a turn of the event loop: give the workers theirs.
    if (++sinceTurn === POSTS_BETWEEN_TURNS) {
      sinceTurn = 0
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  return written
}
