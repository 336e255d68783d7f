/**
 * Vite plugin: writes the offline reader's service worker, `sw.js` at the base path, from
 * src/features/offline/service-worker.js with this deploy's facts set first (`self.OFFLINE_BUILD`):
 *
 * - `buildId`: names this deploy's cache. Made from the list's version `v` (the build id list data
 *   already carries, so a page of one deploy refuses list data of another), every post's summary and
 *   the names of the app's hashed scripts and stylesheets: a deploy that changes any of them is a new
 *   `sw.js`, whose worker replaces the old cache whole (see the worker's comment).
 * - `precache`: the list page, its first page of data and every tag's first page, and the app's
 *   scripts and stylesheets (not Mermaid's, copied beside them: see mermaid-files.ts), so the list and any saved post start offline. Posts are stored as the reader visits or saves them, not ahead.
 *
 * A small worker of our own rather than Workbox: the app needs one cache per deploy whose saved pages
 * move to the next deploy's cache, which Workbox's precache (its own revisioning) and runtime caches
 * (not versioned) do not do; and workbox-window would add ~3 KB gzip to every page for a `register()`.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Plugin, ResolvedConfig, Rollup } from 'vite'
import { DATA_FOLDER } from '../../shared/data-paths.ts'
import { LIST_FOLDER, listFiles } from '../../shared/list-data.ts'
import { pageLanguage } from '../prerender/page-language.ts'
import { MERMAID_FOLDER_PREFIX } from './mermaid-files.ts'

export const SERVICE_WORKER_FILE = 'sw.js'
const WORKER_SOURCE = new URL('../../features/offline/service-worker.js', import.meta.url)

export interface OfflineBuild {
  buildId: string
  base: string
  precache: string[]
}

/** This deploy's facts for the worker, from the client bundle (its data files emitted already). */
export function offlineBuild(bundle: Rollup.OutputBundle, base: string): OfflineBuild {
  const code = Object.keys(bundle)
    // Not Mermaid's ~1 MB (gzip): a post's diagram is fetched when it is drawn, and kept then (network first).
    .filter((name) => /\.(?:js|css)$/.test(name) && !name.startsWith(`${DATA_FOLDER}/`) && !name.startsWith(MERMAID_FOLDER_PREFIX))
    .sort()
  const text = (name: string) => {
    const file = bundle[name] as Rollup.OutputAsset | undefined
    return file ? String(file.source) : ''
  }
  const buildId = createHash('sha256')
    .update(code.join('\n'))
    .update(text(`${DATA_FOLDER}/${LIST_FOLDER}/head.json`))
    .update(text(`${DATA_FOLDER}/${listFiles.catalog}`))
    .digest('hex')
    .slice(0, 12)
  // The list's own data, so the app can go back to the list offline (a list page inlines only its own).
  const listData = [listFiles.head, listFiles.view({ kind: 'all' }, 1), listFiles.tagPages]
    .map((file) => `${DATA_FOLDER}/${file}`)
    .filter((name) => name in bundle)
  return { buildId, base, precache: [base, ...code, ...listData].map((name) => (name === base ? name : `${base}${name}`)) }
}

/** The offline page's `<html>` attributes and texts, in the site's language. */
export function offlinePageTexts(lang: string) {
  const { htmlAttributes, t } = pageLanguage(lang)
  const [beforeLink = '', afterLink = ''] = t.offline.savedPages.split('{link}')
  return { htmlAttributes, ...t.offline, beforeLink, afterLink }
}

export function serviceWorkerSource(build: OfflineBuild, lang = 'en'): string {
  return `self.OFFLINE_BUILD = ${JSON.stringify(build)};\nself.OFFLINE_PAGE = ${JSON.stringify(offlinePageTexts(lang)).replace(/</g, '\\u003c')};\n${readFileSync(WORKER_SOURCE, 'utf8')}`
}

export function offlineServiceWorker(): Plugin {
  let config: ResolvedConfig
  /** The site's language, from the content plugin (vite-plugin.ts), which resolved it. */
  let lang = () => 'en'
  return {
    name: 'offline-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
      const content = resolved.plugins.find((plugin) => plugin.name === 'jekyll-posts')?.api as { lang?: () => string } | undefined
      if (content?.lang) lang = content.lang
    },
    generateBundle: {
      // After the content plugin has emitted the data files the build id is made from.
      order: 'post',
      handler(_options, bundle) {
        if (config.build.ssr) return
        this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source: serviceWorkerSource(offlineBuild(bundle, config.base), lang()) })
      },
    },
  }
}
