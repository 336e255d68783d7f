/**
 * Vite plugin: the posts folder becomes the app's data.
 *
 * - build: every post is read once; fatal problems stop the build with `file:line:column: reason` lines;
 *   `data/index.json`, `data/posts/<slug>.json` and the list's and search's files (list-data.ts) are
 *   emitted into `dist/`.
 * - dev: the same files are served from memory; a post that is added, edited or removed is read again
 *   alone and the page is told (`posts:changed`), so it updates without a restart. A broken post is
 *   listed with its problem and every other post keeps working.
 *
 * - the site settings (src/site-settings.ts, `_config.yml` beside the posts folder, `SITE_URL`,
 *   `BASE_PATH`) set Vite's base path and reach the app as `virtual:site-settings`.
 * - after the client build: feeds, sitemap, robots.txt, and one prerendered page per route.
 *
 * Options: `postsDir` (default: `POSTS_DIR` or `posts`).
 */
import { existsSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite'
import { archiveDataFiles, buildCollection, emitDataFiles, postDataJson, routeDataFiles, type Collection } from '../site/collection.ts'
import { loadPost } from '../post/load-post.ts'
import { storePost, type StoredPost } from '../post/stored-post.ts'
import { imageDimensions } from '../site/image-dimensions.ts'
import { createBuildPool, type BuildPool } from './build-pool.ts'
import { listPostFiles, readPostSource } from '../site/posts-folder.ts'
import { createPostPipeline, type PostPipeline } from '../markdown/render-markdown.ts'
import { createPostResolver, type PostResolver } from '../liquid/liquid-values.ts'
import { parsePostFileName } from '../post/file-name.ts'
import { formatProblem, type Problem } from '../post/problem.ts'
import { DATA_FOLDER, POSTS_CHANGED_EVENT } from '../../shared/data-paths.ts'
import { buildSearchFiles } from '../emit/search-index.ts'
import { buildListData, listDataFiles } from '../emit/list-data.ts'
import { LIST_FOLDER, SEARCH_FOLDER } from '../../shared/list-data.ts'
import { defaultSiteSettings, type SiteSettings } from '../../site-settings.ts'
import { resolveSiteSettings } from '../site/resolve-site-settings.ts'
import { escapeHtml } from '../prerender/page-head.ts'
import { siteFiles } from '../emit/site-files.ts'
import { bundleServerEntry, prerenderSite } from '../prerender/prerender-site.ts'
import { releaseMemory } from './release-memory.ts'

export interface JekyllPostsOptions {
  postsDir?: string
}

const SETTINGS_MODULE = 'virtual:site-settings'

export function jekyllPosts(options: JekyllPostsOptions = {}): Plugin {
  let config: ResolvedConfig
  let postsDir: string
  let pipeline: PostPipeline
  /** Post file names -> slugs, for `{% post_url %}`; kept current as files come and go. */
  const postNames = new Map<string, string>()
  /** Made from `postNames` when first needed, dropped whenever a file comes or goes. */
  let resolver: PostResolver | null = null
  const loaded = new Map<string, StoredPost>()
  let collection: Collection | null = null
  /** The production build's workers, and their rendering of every post (started at buildStart). */
  let pool: BuildPool | null = null
  let loading: Promise<StoredPost[]> | null = null
  /** The prerender bundle's folder, being made beside the client build. */
  let serverBundle: Promise<string> | null = null

  const load = (path: string) => {
    const { file, source } = readPostSource(path, config.root)
    loaded.set(path, storePost(loadPost(file, source, pipeline)))
  }
  /** The dev server's first load of every post: in worker threads too, so a big blog starts sooner. */
  const loadAll = async () => {
    loaded.clear()
    const paths = listPostFiles(postsDir)
    for (const path of paths) postNames.set(path, parsePostFileName(path).slug)
    resolver = null
    const workers = createBuildPool(poolSetup(paths))
    try {
      const posts = await Promise.all(paths.map((path) => workers.loadPost(path)))
      paths.forEach((path, index) => loaded.set(path, posts[index]!))
    } finally {
      await workers.close()
    }
    collection = buildCollection([...loaded.values()])
  }

  let settings: SiteSettings
  const liquidContext = () => ({
    basePath: config.base,
    siteUrl: settings.siteUrl,
    page: {},
    site: { title: settings.title, description: settings.description, author: settings.author },
  })
  const poolSetup = (paths: string[]) => ({
    root: config.root,
    liquid: liquidContext(),
    basePath: config.base,
    publicDir: config.publicDir || null,
    postNames: paths.map((path): [string, string] => [path, parsePostFileName(path).slug]),
  })
  const closePool = async () => {
    await pool?.close()
    pool = null
    loading = null
    // A failed build leaves no prerender bundle behind.
    const folder = await serverBundle?.catch(() => null)
    serverBundle = null
    if (folder && collection === null) rmSync(folder, { recursive: true, force: true })
  }

  return {
    name: 'jekyll-posts',

    config(userConfig) {
      const root = resolve(userConfig.root ?? process.cwd())
      postsDir = resolve(root, options.postsDir ?? process.env.POSTS_DIR ?? 'posts')
      settings = resolveSiteSettings(postsDir)
      return { base: settings.basePath }
    },

    configResolved(resolved) {
      config = resolved
      const publicDir = config.publicDir
      pipeline = createPostPipeline({
        liquid: liquidContext(),
        media: {
          basePath: config.base,
          exists: (path) => Boolean(publicDir) && existsSync(join(publicDir, path)),
          dimensions: imageDimensions(publicDir || null),
        },
        resolvePost: (reference) => {
          resolver ??= createPostResolver([...postNames].map(([name, slug]) => ({ name, slug })))
          return resolver(reference)
        },
      })
    },

    resolveId(id) {
      return id === SETTINGS_MODULE ? `\0${SETTINGS_MODULE}` : undefined
    },

    load(id) {
      return id === `\0${SETTINGS_MODULE}` ? `export default ${JSON.stringify(settings)}` : undefined
    },

    transformIndexHtml(html) {
      // What a page without its own head shows (the dev server, before the app takes over).
      return html.replace(
        '</head>',
        `  <title>${escapeHtml(settings.title)}</title>\n    <meta name="description" content="${escapeHtml(settings.description)}">\n  </head>`,
      )
    },

    buildStart() {
      if (config.command !== 'build' || config.build.ssr) return
      // Not awaited: the workers render posts while Vite bundles the app; generateBundle waits.
      const paths = listPostFiles(postsDir)
      pool = createBuildPool(poolSetup(paths))
      serverBundle = bundleServerEntry({ root: config.root, configFile: config.configFile, mode: config.mode })
      serverBundle.catch(() => undefined)
      const started = performance.now()
      loading = Promise.all(paths.map((path) => pool!.loadPost(path)))
      loading.then(
        () => config.logger.info(`rendered ${paths.length} posts in ${Math.round(performance.now() - started)} ms on ${pool?.size} workers`),
        () => undefined,
      )
    },

    async generateBundle() {
      if (!loading) return
      try {
        collection = buildCollection(await loading)
      } catch (error) {
        await closePool()
        throw error
      }
      const { problems } = collection
      for (const problem of problems.filter((each) => !each.fatal)) this.warn(formatProblem(problem))
      const fatal = problems.filter((problem) => problem.fatal)
      if (fatal.length > 0) {
        collection = null
        await closePool()
        this.error(`${fatal.length} post${fatal.length === 1 ? '' : 's'} cannot be published:\n${fatal.map(formatProblem).join('\n')}`)
      }
      for (const [fileName, source] of emitDataFiles(collection)) {
        this.emitFile({ type: 'asset', fileName: `${DATA_FOLDER}/${fileName}`, source })
      }
      if (settings.siteUrl === defaultSiteSettings.siteUrl) {
        this.warn(`No site URL set: feeds, sitemap and link previews use ${settings.siteUrl}. Set SITE_URL, \`siteUrl\` in src/site-settings.ts or \`url\` in _config.yml`)
      }
      for (const [fileName, source] of siteFiles(collection, settings)) this.emitFile({ type: 'asset', fileName, source })
      // The search files are made: no post's plain text is needed any more (10,000 posts' text is ~60 MB).
      for (const entry of collection.posts.values()) entry.post.text = ''
      releaseMemory()
    },

    async closeBundle() {
      if (config.command !== 'build' || config.build.ssr || !collection || !pool || !serverBundle) return
      const outDir = resolve(config.root, config.build.outDir)
      const started = performance.now()
      const serverDir = await serverBundle
      try {
        const count = await prerenderSite({ serverDir, outDir, collection, settings, pool })
        config.logger.info(`prerendered ${count} pages in ${Math.round(performance.now() - started)} ms`)
      } finally {
        rmSync(serverDir, { recursive: true, force: true })
        await closePool()
      }
    },

    async buildEnd(error) {
      if (error) await closePool()
    },

    async configureServer(server) {
      await loadAll()
      logProblems(server, collection!.problems)
      server.watcher.add(postsDir)
      const onChange = (path: string) => {
        if (!path.startsWith(postsDir)) return
        if (existsSync(path) && listPostFiles(postsDir).includes(path)) {
          postNames.set(path, parsePostFileName(path).slug)
          resolver = null
          load(path)
        } else {
          postNames.delete(path)
          resolver = null
          loaded.delete(path)
        }
        collection = buildCollection([...loaded.values()])
        logProblems(server, (loaded.get(path)?.problems ?? []))
        server.ws.send({ type: 'custom', event: POSTS_CHANGED_EVENT })
      }
      server.watcher.on('add', onChange)
      server.watcher.on('change', onChange)
      server.watcher.on('unlink', onChange)

      // The list's, the search's and the route tables' files of the current posts, made when first asked for.
      const madeFiles = new WeakMap<Collection, { list?: Map<string, string>; search?: Map<string, string>; routes?: Map<string, string> }>()
      const collectionFile = (current: Collection, name: string): string | undefined => {
        const made = madeFiles.get(current) ?? {}
        madeFiles.set(current, made)
        if (name.startsWith(`${SEARCH_FOLDER}/`)) return (made.search ??= buildSearchFiles(current, buildListData(current.index.posts).head.v)).get(name)
        if (name.startsWith(`${LIST_FOLDER}/`)) return (made.list ??= listDataFiles(buildListData(current.index.posts))).get(name)
        return (made.routes ??= new Map([...routeDataFiles(current), ...archiveDataFiles(current)])).get(name)
      }
      const prefix = `${config.base}${DATA_FOLDER}/`
      server.middlewares.use((request, response, next) => {
        const url = request.url?.split('?')[0] ?? ''
        if (!url.startsWith(prefix) || !collection) return next()
        const name = decodeURIComponent(url.slice(prefix.length))
        const text = collectionFile(collection, name)
        if (text !== undefined) {
          response.setHeader('Content-Type', 'application/json; charset=utf-8')
          response.setHeader('Cache-Control', 'no-store')
          response.end(text)
          return
        }
        const slug = /^posts\/(.+)\.json$/.exec(name)?.[1]
        const post = slug ? collection.posts.get(slug) : undefined
        const body = name === 'index.json' ? JSON.stringify(collection.index) : post ? postDataJson(post) : undefined
        if (body === undefined) {
          response.statusCode = 404
          response.end('Not found')
          return
        }
        response.setHeader('Content-Type', 'application/json; charset=utf-8')
        response.setHeader('Cache-Control', 'no-store')
        response.end(body)
      })
    },
  }
}

function logProblems(server: ViteDevServer, problems: Problem[]) {
  for (const problem of problems) {
    const line = formatProblem(problem)
    if (problem.fatal) server.config.logger.error(line, { timestamp: true })
    else server.config.logger.warn(line, { timestamp: true })
  }
}
