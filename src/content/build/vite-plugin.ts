/**
 * Vite plugin: the posts folder becomes the app's data.
 *
 * - build: every post is read once; fatal problems stop the build with `file:line:column: reason` lines;
 *   the list's and search's files (list-data.ts) are emitted into `dist/`; each post's data is inlined in
 *   its prerendered page.
 * - dev: the same files, and each post's data as `data/posts/<slug>.json`, are served from memory; a post that is added, edited or removed is read again
 *   alone and the page is told (`posts:changed`), so it updates without a restart. A broken post is
 *   listed with its problem and every other post keeps working.
 *
 * - the site settings (src/site-settings.ts, `_config.yml` beside the posts folder, `SITE_URL`,
 *   `BASE_PATH`) set Vite's base path and reach the app as `virtual:site-settings`.
 * - after the client build: feeds, sitemap, robots.txt, and one prerendered page per route.
 *
 * - with a site folder (`SITE_DIR`, site/read-site.ts): its posts at their Jekyll URLs, its pages, its
 *   redirects and its static files (served by the dev server, copied into `dist/` by the build).
 *
 * Options: `siteDir` (default: `SITE_DIR`), `postsDir` (default: `POSTS_DIR` or `posts`), `drafts`
 * (default: `DRAFTS=1`).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite'
import { buildCollection, emitDataFiles, type Collection } from '../site/collection.ts'
import { loadPost, type PostInSite } from '../post/load-post.ts'
import { storePost, type StoredPost } from '../post/stored-post.ts'
import { siteMedia } from '../site/site-media.ts'
import { readJekyllSite, rereadPost } from '../site/read-site.ts'
import { postInSite } from '../site/post-documents.ts'
import type { JekyllSite } from '../site/jekyll-site.ts'
import { siteRedirects } from '../site/redirects.ts'
import { loadPage, type LoadedPage } from '../post/load-page.ts'
import { serveSiteFiles } from './serve-site-files.ts'
import { serveDataFiles } from './serve-data-files.ts'
import { writeSiteOutputs } from '../prerender/write-site-outputs.ts'
import { siteOutputs, type SiteOutput } from '../prerender/site-outputs.ts'
import { BUILD_POSTS_PER_WORKER, createBuildPool, type BuildPool } from './build-pool.ts'
import { displayPath, readPostSource, scanPostsFolder } from '../site/posts-folder.ts'
import { createPostPipeline, type PostPipeline } from '../markdown/render-markdown.ts'
import { formatProblem, type Problem } from '../post/problem.ts'
import { DATA_FOLDER, POSTS_CHANGED_EVENT } from '../../shared/data-paths.ts'
import { defaultSiteSettings, type SiteSettings } from '../../site-settings.ts'
import { resolveLanguageSetting, resolveSiteSettings } from '../site/resolve-site-settings.ts'
import type { SiteLanguage } from '../../shared/i18n/languages.ts'
import { catalogs } from '../../shared/i18n/catalogs.ts'
import { catalogModule } from '../../shared/i18n/catalog-sections.ts'
import { escapeHtml } from '../prerender/page-head.ts'
import { siteFiles } from '../emit/site-files.ts'
import { bundleServerEntry, drawPostCards, prerenderSite } from '../prerender/prerender-site.ts'
import { claimOutputs, highlightPageCount, planOutputs, type FixedFile } from '../prerender/output-plan.ts'
import { SERVICE_WORKER_FILE } from './service-worker.ts'
import { publicFiles } from '../site/public-files.ts'
import { releaseMemory } from './release-memory.ts'
import { hostLimitWarnings, measureOutput, outputLine } from './output-report.ts'
import { buildStartTime, removeStaleOutputs } from './stale-outputs.ts'
import { planHighlightPages } from '../prerender/highlight-pages.ts'
import { mermaidAssets } from './mermaid-files.ts'
import { hasMermaidDiagram } from '../markdown/mermaid-blocks.ts'
import { buildCacheFolder, codeKey, openBuildCache, pipelineKey, plainPipelineKey, pruneBuildCache } from './build-cache.ts'

export interface JekyllPostsOptions {
  /** A Jekyll site's folder; wins over `postsDir`. */
  siteDir?: string
  postsDir?: string
  /** Publish the site's `_drafts/` too, as `jekyll --drafts`. */
  drafts?: boolean
}

const SETTINGS_MODULE = 'virtual:site-settings'
/**
 * The site language's catalog alone (src/shared/i18n/locales/<lang>.ts), split by catalog-sections.ts:
 * no other language reaches the browser. Read when the build starts: the dev server shows an edited
 * catalog after a restart.
 */
const LOCALE_MODULE = 'virtual:site-locale'

export function jekyllPosts(options: JekyllPostsOptions = {}): Plugin {
  let config: ResolvedConfig
  let postsDir: string
  let siteDir: string | undefined
  let drafts: boolean
  /** The site as read at start and again whenever its settings, data, includes or documents change. */
  let site: JekyllSite
  /** The site's pages, rendered (build: at generateBundle; dev: when asked for). */
  let pages: LoadedPage[] = []
  /** What the site folder writes into dist/, each file claimed (build only). */
  let siteWrites: SiteOutput[] = []
  let pipeline: PostPipeline
  /** Post file names -> slugs, for `{% post_url %}`; kept current as files come and go. */
  const loaded = new Map<string, StoredPost>()
  let collection: Collection | null = null
  /** The production build's workers, and their rendering of every post (started at buildStart). */
  let pool: BuildPool | null = null
  let loading: Promise<StoredPost[]> | null = null
  /** The prerender bundle's folder, being made beside the client build. */
  let serverBundle: Promise<string> | null = null
  /** Links in the posts folder left out (posts-folder.ts), reported with the posts' problems. */
  let folderProblems: Problem[] = []
  /** codeKey() of the persistent build cache (build-cache.ts); null when it is off. */
  let cacheCode: string | null = null
  /** Every file this build writes into dist/: the output plan's, then Vite's bundle; older others are removed (stale-outputs.ts). */
  let plannedFiles: string[] = []
  let bundleFiles: string[] = []
  /** `highlightPages` as this build decided it (highlight-pages.ts): the settings the pages are written with. */
  let highlightPages = true
  /** When this build started: a file in dist/ older than that and not written by it is the last build's. */
  let buildStarted = Date.now()
  /** The build workers' drawing of every card (drawPostCards), from the end of generateBundle. */
  let cards: Promise<number> | null = null
  /** The build cache's folder, and when this build started using it (entries it did not use are pruned after it). */
  let cacheUse: { folder: string; since: number; empty: boolean } | null = null

  const readSite = () => readJekyllSite({ ...(siteDir ? { siteDir } : {}), postsDir, drafts, cwd: config?.root ?? process.cwd() })
  const postFiles = () => site.documents.flatMap((document) => (document.kind === 'post' && document.file ? [document.file] : []))
  /** With a site folder, each post's permalink as the site reader worked it out, and its path in the site. */
  const postsInSite = (): Array<[string, PostInSite]> | undefined =>
    site.siteDir
      ? site.documents.flatMap((document) =>
          document.kind === 'post' && document.file
            ? [[document.file, postInSite(document)] as [string, PostInSite]]
            : [],
        )
      : undefined
  const load = (path: string) => {
    const { file, source, problem } = readPostSource(path, config.root)
    const inSite = new Map(postsInSite() ?? []).get(path)
    loaded.set(path, storePost(loadPost(file, source, pipeline, { readProblem: problem, ...(inSite ? { site: inSite } : {}) })))
  }
  /** Links in the posts folder that were left out (out of it, dangling, looping), as warnings. */
  const linkProblems = () => (existsSync(postsDir) ? scanPostsFolder(postsDir, config.root, { html: Boolean(site.siteDir) }).problems : [])
  const renderPages = () =>
    site.documents.flatMap((document) => {
      if (document.kind !== 'page' || !document.file || document.redirectTo) return []
      const { file, source } = readPostSource(document.file, config.root)
      return [loadPage(file, source, document, pipeline)]
    })
  /** The dev server's first load of every post: in worker threads too, so a big blog starts sooner. */
  const loadAll = async () => {
    loaded.clear()
    site = readSite()
    const paths = postFiles()
    folderProblems = linkProblems()
    pipeline = makePipeline()
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
  let language: SiteLanguage & { problem: string | null }
  const poolSetup = (paths: string[]) => ({
    root: config.root,
    site,
    basePath: config.base,
    publicDir: config.publicDir || null,
    siteDir: site.siteDir,
    ...(postsInSite() ? { postsInSite: postsInSite()! } : {}),
    postCount: paths.length,
  })
  const makePipeline = () =>
    createPostPipeline({
      site,
      media: siteMedia(config.base, config.publicDir || null, site.siteDir),
    })
  const buildCache = () => (cacheUse && cacheCode !== null ? { store: openBuildCache(cacheUse.folder), code: cacheCode } : null)
  const closePool = async () => {
    await pool?.close()
    pool = null
    loading = null
    cards = null
    // A failed build leaves no prerender bundle behind.
    const folder = await serverBundle?.catch(() => null)
    serverBundle = null
    if (folder && collection === null) rmSync(folder, { recursive: true, force: true })
  }

  return {
    name: 'jekyll-posts',
    // The service worker's plugin writes its offline page in the site's language.
    api: { lang: () => language.tag },

    config(userConfig) {
      const root = resolve(userConfig.root ?? process.cwd())
      const siteOption = options.siteDir ?? process.env.SITE_DIR
      siteDir = siteOption ? resolve(root, siteOption) : undefined
      postsDir = siteDir ? join(siteDir, '_posts') : resolve(root, options.postsDir ?? process.env.POSTS_DIR ?? 'posts')
      drafts = options.drafts ?? ['1', 'true', 'yes'].includes((process.env.DRAFTS ?? '').toLowerCase())
      settings = resolveSiteSettings(postsDir)
      language = resolveLanguageSetting(postsDir)
      // The prerender bundle's build (prerender-site.ts) loads this config too: it needs the settings,
      // not the site (reading every post's front matter again cost it ~0.7 s at 1,000 posts).
      if (!userConfig.build?.ssr) site = readJekyllSite({ ...(siteDir ? { siteDir } : {}), postsDir, drafts, cwd: root })
      // A link in the posts folder to `/` or a home folder would have the watcher walk all of it; the
      // links a post may use point inside the folder, which is watched anyway (see posts-folder.ts).
      // The build writes into the last build's dist/ and removes what it no longer writes (closeBundle).
      return {
        base: settings.basePath,
        server: { watch: { followSymlinks: false, ...userConfig.server?.watch } },
        ...(userConfig.build?.emptyOutDir === undefined ? { build: { emptyOutDir: false } } : {}),
      }
    },

    configResolved(resolved) {
      config = resolved
      if (!resolved.build.ssr) pipeline = makePipeline()
    },

    resolveId(id) {
      if (id === LOCALE_MODULE || id.startsWith(`${LOCALE_MODULE}/`)) return `\0${id}`
      return id === SETTINGS_MODULE ? `\0${SETTINGS_MODULE}` : undefined
    },

    load(id) {
      if (id === `\0${LOCALE_MODULE}` || id.startsWith(`\0${LOCALE_MODULE}/`)) {
        return catalogModule(catalogs[language.catalog], id === `\0${LOCALE_MODULE}` ? null : id.slice(`\0${LOCALE_MODULE}/`.length))
      }
      // `postPagesBuilt`: a built site has every post's page (with its data) to read a post from; the dev
      // server has none. Told by the command, not by NODE_ENV: a build run from a test runner is a build too.
      return id === `\0${SETTINGS_MODULE}` ? `export default ${JSON.stringify(settings)}\nexport const postPagesBuilt = ${config.command === 'build'}` : undefined
    },

    transformIndexHtml(html) {
      // What a page without its own head shows (the dev server, before the app takes over), in the
      // site's language; every prerendered page is made from this template, so it has them too.
      return html.replace(/<html lang="[^"]*">/, () => `<html lang="${escapeHtml(language.tag)}" dir="${language.dir}">`).replace(
        /<noscript>[^<]*<\/noscript>/,
        () => `<noscript>${escapeHtml(catalogs[language.catalog].layout.noScript)}</noscript>`,
      ).replace(
        '</head>',
        () => `  <title>${escapeHtml(settings.title)}</title>\n    <meta name="description" content="${escapeHtml(settings.description)}">\n  </head>`,
      )
    },

    buildStart() {
      if (config.command !== 'build' || config.build.ssr) return
      buildStarted = buildStartTime(resolve(config.root, config.build.outDir))
      // Not awaited: the workers render posts while Vite bundles the app; generateBundle waits.
      const paths = postFiles()
      folderProblems = linkProblems()
      const setup = poolSetup(paths)
      const cacheFolder = buildCacheFolder(config.root)
      const code = codeKey()
      cacheCode = cacheFolder === null ? null : code
      const cache = cacheFolder === null || cacheCode === null ? null : { folder: cacheFolder, pipeline: pipelineKey({ code: cacheCode, settings, setup }), plain: plainPipelineKey({ code: cacheCode, setup }) }
      // A cache that starts empty (a first or cold build) holds only this build's entries: nothing to prune.
      cacheUse = cacheFolder === null ? null : { folder: cacheFolder, since: Date.now(), empty: !existsSync(cacheFolder) || readdirSync(cacheFolder).length === 0 }
      pool = createBuildPool(setup, cache, code, { spillBodies: true, postsPerWorker: BUILD_POSTS_PER_WORKER })
      const started = performance.now()
      loading = Promise.all(paths.map((path) => pool!.loadPost(path)))
      loading.then(
        () => config.logger.info(`rendered ${paths.length} posts in ${Math.round(performance.now() - started)} ms on ${pool?.size} workers`),
        () => undefined,
      )
    },

    async generateBundle(_options, bundle) {
      if (!loading) return
      // The prerender bundle is built once the client's is done, while the workers still render: two
      // bundles at once held both bundlers' memory (the 10,000-post build's peak).
      serverBundle = bundleServerEntry({ root: config.root, configFile: config.configFile, mode: config.mode })
      serverBundle.catch(() => undefined)
      try {
        collection = buildCollection(await loading)
      } catch (error) {
        await closePool()
        throw error
      }
      // A page that cannot be rendered is left out, its problem printed: pages are the site's frame
      // (the theme's docs, an about page), not what the app is for; a broken post still stops the build.
      const rendered = renderPages()
      pages = rendered.filter((page) => !page.problems.some((problem) => problem.fatal))
      const problems = [...folderProblems, ...collection.problems, ...rendered.flatMap((page) => page.problems.map((problem) => (problem.fatal ? { ...problem, fatal: false, reason: `${problem.reason} (the page is not published)` } : problem)))]
      for (const warning of [...(site.warnings ?? []), ...siteRedirects(site).warnings]) this.warn(warning)
      if (language.problem) this.warn(language.problem)
      for (const problem of problems.filter((each) => !each.fatal)) this.warn(formatProblem(problem))
      const fatal = problems.filter((problem) => problem.fatal)
      if (fatal.length > 0) {
        collection = null
        await closePool()
        this.error(`${fatal.length} post${fatal.length === 1 ? '' : 's'} cannot be published:\n${fatal.map(formatProblem).join('\n')}`)
      }
      const emitted: string[] = []
      for (const [fileName, source] of emitDataFiles(collection)) {
        this.emitFile({ type: 'asset', fileName: `${DATA_FOLDER}/${fileName}`, source })
        emitted.push(`${DATA_FOLDER}/${fileName}`)
      }
      if (settings.siteUrl === defaultSiteSettings.siteUrl) {
        this.warn(`No site URL set: feeds, sitemap and link previews use ${settings.siteUrl}. Set SITE_URL, \`siteUrl\` in src/site-settings.ts or \`url\` in _config.yml`)
      }
      const withDiagram = [...collection.posts.values()].some((entry) => entry.post.hasDiagram) || pages.some((page) => hasMermaidDiagram(page.body))
      for (const [fileName, source] of [...siteFiles(collection, settings, pages.map((page) => page.url)), ...(withDiagram ? mermaidAssets(config.root) : [])]) {
        this.emitFile({ type: 'asset', fileName, source })
        emitted.push(fileName)
      }
      // The prerender replaces the built index.html with the list's first page; every other file is taken,
      // the service worker too, which its own plugin emits after this one (a site's own sw.js must not
      // replace it: a reader's browser would keep running the site's old worker).
      const fixed: FixedFile[] = [...new Set([...Object.keys(bundle), ...emitted, SERVICE_WORKER_FILE, ...publicFiles(config.publicDir)])]
        .filter((file) => file !== 'index.html')
        .map((file) => [file, `the build's own ${file}`])
      const fromSite = siteOutputs(site, pages, siteRedirects(site).redirects, (file) => displayPath(join(site.siteDir ?? '', file), config.root))
      // What is no longer needed goes before the plan is made: this is the 10,000-post build's peak of memory.
      releaseMemory()
      const decided = planHighlightPages(settings.highlightPages, (on) => planOutputs(collection!, fixed, { highlightPages: on }, fromSite.outputs), highlightPageCount(collection))
      if (decided.note) config.logger.info(decided.note)
      const plan = decided.plan
      highlightPages = decided.on
      for (const problem of [...fromSite.problems, ...plan.problems].filter((each) => !each.fatal)) this.warn(formatProblem(problem))
      siteWrites = plan.siteWrites
      plannedFiles = plan.files
      const collisions = plan.problems.filter((problem) => problem.fatal)
      if (collisions.length > 0) {
        collection = null
        await closePool()
        this.error(`${collisions.length} post file${collisions.length === 1 ? '' : 's'} would overwrite other pages:\n${collisions.map(formatProblem).join('\n')}`)
      }
      // The search files are made: no post's plain text is needed any more (10,000 posts' text is ~60 MB).
      for (const entry of collection.posts.values()) entry.post.text = ''
      releaseMemory()
      // Every file is claimed and no post is broken: the workers draw the cards from now on, while the
      // prerender bundle is made and the pages are written (closeBundle).
      cards = drawPostCards({ outDir: resolve(config.root, config.build.outDir), collection, settings: { ...settings, highlightPages }, pool: pool!, cache: buildCache() })
      cards.catch(() => undefined)
    },

    writeBundle(_options, bundle) {
      bundleFiles = Object.keys(bundle)
    },

    async closeBundle() {
      if (config.command !== 'build' || config.build.ssr || !collection || !pool || !serverBundle || !cards) return
      const outDir = resolve(config.root, config.build.outDir)
      const started = performance.now()
      const serverDir = await serverBundle
      // Read before the list page takes its place: the site's pages are the app's frame too.
      const template = readFileSync(join(outDir, 'index.html'), 'utf8')
      try {
        const count = await prerenderSite({ serverDir, outDir, collection, settings: { ...settings, highlightPages }, cache: buildCache() })
        const drawn = await cards!
        config.logger.info(`prerendered ${count} pages and ${drawn} cards in ${Math.round(performance.now() - started)} ms`)
        const { pages: written, copied } = writeSiteOutputs(outDir, template, site.siteDir, siteWrites, settings)
        if (site.siteDir) config.logger.info(`wrote ${written} site pages and redirects, copied ${copied} static files`)
      } finally {
        rmSync(serverDir, { recursive: true, force: true })
        await closePool()
      }
      removeStaleOutputs(outDir, [...plannedFiles, ...bundleFiles], buildStarted)
      // Only a build that wrote everything knows what the next one can use.
      if (cacheUse && !cacheUse.empty) pruneBuildCache(cacheUse.folder, cacheUse.since)
      const output = measureOutput(outDir)
      for (const warning of hostLimitWarnings(output, { highlightPages })) config.logger.warn(warning)
      config.logger.info(outputLine(`${relative(config.root, outDir) || '.'}/`, output))
    },

    async buildEnd(error) {
      if (error) await closePool()
    },

    async configureServer(server) {
      await loadAll()
      for (const warning of [...(site.warnings ?? []), ...(language.problem ? [language.problem] : [])]) server.config.logger.warn(warning, { timestamp: true })
      // What the build would refuse to write (a permalink onto /404.html, a slug `tags`), said at once.
      logProblems(server, [...folderProblems, ...collection!.problems, ...claimOutputs(collection!, [], { highlightPages: settings.highlightPages !== false })])
      // With a site folder, its settings, data, includes and pages are watched as its posts are.
      const watched = site.siteDir ?? postsDir
      server.watcher.add(watched)
      const onChange = async (path: string) => {
        if (!path.startsWith(watched)) return
        const before = new Set(site.warnings)
        const documentsBefore = JSON.stringify(site.documents)
        site = rereadPost(site, path, { ...(siteDir ? { siteDir } : {}), postsDir, drafts, cwd: config.root }) ?? readSite()
        for (const warning of site.warnings ?? []) if (!before.has(warning)) server.config.logger.warn(warning, { timestamp: true })
        // A link going out of the folder, broken or looping is not a post (see posts-folder.ts).
        if (path.startsWith(postsDir)) logProblems(server, linkProblems().filter((problem) => path.endsWith(problem.file)))
        if (site.siteDir && /^(_config\.ya?ml|_data|_includes)([\\/]|$)/.test(relative(site.siteDir, path))) {
          // Every post may read the site's settings, data and includes: all are rendered again. The
          // base path stays: Vite serves under it until it is restarted.
          settings = { ...resolveSiteSettings(postsDir), basePath: settings.basePath }
          pipeline = makePipeline()
          await loadAll()
          logProblems(server, [...collection!.problems])
        } else {
          // A post's title, date or tags are other posts' `site.posts`, and its name their `post_url`:
          // Liquid gets the new site when they change, not on every save of a post's text.
          if (JSON.stringify(site.documents) !== documentsBefore) pipeline = makePipeline()
          if (postFiles().includes(path)) load(path)
          else loaded.delete(path)
        }
        collection = buildCollection([...loaded.values()])
        logProblems(server, (loaded.get(path)?.problems ?? []))
        server.ws.send({ type: 'custom', event: POSTS_CHANGED_EVENT })
      }
      const onChangeLogged = (path: string) => {
        onChange(path).catch((error: unknown) => server.config.logger.error(`${path}: ${(error as Error).message}`, { timestamp: true }))
      }
      server.watcher.on('add', onChangeLogged)
      server.watcher.on('change', onChangeLogged)
      server.watcher.on('unlink', onChangeLogged)

      server.middlewares.use(serveSiteFiles({ base: config.base, site: () => site, settings: () => settings, renderPage: (document) => {
        const { file, source } = readPostSource(document.file!, config.root)
        const page = loadPage(file, source, document, pipeline)
        logProblems(server, page.problems)
        return page
      } }))
      server.middlewares.use(serveDataFiles({ base: config.base, collection: () => collection }))
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
