import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { jekyllPosts } from './src/content/build/vite-plugin.ts'
import { offlineServiceWorker } from './src/content/build/service-worker.ts'
import { mermaidFiles } from './src/content/build/mermaid-files.ts'
import { woff2Only } from './src/content/build/woff2-only.ts'

/** What every page runs: React, the router, TanStack Query, and the app's shared modules. */
const FRAMEWORK = /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/][^\\/]+)[\\/]/
const SHARED = /[\\/]src[\\/]shared[\\/]/
/**
 * Shared modules only one kind of page uses, or that load later: they stay with that page or their
 * own chunk (copying, the list's and archive's data, the search index and engine, the list's filtered
 * view; routes.tsx loads their queries with their pages). In the framework chunk
 * a module loaded with import() is paid for by every page's first load.
 */
const ONE_PAGE = /[\\/]src[\\/]shared[\\/](hooks[\\/]use-copy|absolute-url|api[\\/](search-query|search-code|search-engine|first-pages|list-queries|archive-queries|fetch-list-file)|search-options|list-view|list-data|archive-data)\./

/** The list page's data code: its queries, the search's as the page asks for them, and the files they read. */
const LIST_DATA = /[\\/]src[\\/]shared[\\/](api[\\/](list-queries|search-query|fetch-list-file)|list-data)\./

// The base path comes from the site settings (BASE_PATH, src/site-settings.ts or _config.yml's baseurl).
export default defineConfig({
  // mermaidFiles defines where the client loads Mermaid from; jekyllPosts copies its files when a post has a diagram.
  plugins: [react(), mermaidFiles(), jekyllPosts(), offlineServiceWorker()],
  // KaTeX's fonts: the WOFF2 files only (woff2-only.ts).
  css: { postcss: { plugins: [woff2Only()] } },
  server: {
    // Build output is not a source: the benchmark's builds (bench/.work/dist-*, 157,000 files at 10,000
    // posts) would exhaust the system's file watchers. (Posts folders there stay watched: the benchmark
    // runs the dev server on one.)
    // The build cache (.cache/, the benchmark's bench/.work/.cache/) and the benchmark's Jekyll sites
    // (bench/.work/jekyll-*) are not sources either, and as large.
    watch: { ignored: ['**/dist/**', '**/dist-*/**', '**/.cache/**', '**/jekyll-*/**'] },
  },
  build: {
    outDir: process.env.OUT_DIR ?? 'dist',
    // Every browser that runs the app's JavaScript (ES2022, top-level await) preloads modules
    // natively but Safari before 17, which then loads them on import, a moment later: no polyfill.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // A first visit loads the entry (the app's frame), one chunk of what every page needs, and
        // its page's own chunk; left to itself the bundler cuts the shared part into 5-8 small files.
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: (id) => FRAMEWORK.test(id) || id.includes('vite/preload-helper') || (SHARED.test(id) && !ONE_PAGE.test(id)),
            },
            // The list's data code stays one chunk though the search code, loaded later (search-code.ts),
            // imports parts of it: left to itself the bundler made those parts files of their own.
            { name: 'list-queries', test: (id) => LIST_DATA.test(id) },
          ],
        },
      },
    },
  },
})
