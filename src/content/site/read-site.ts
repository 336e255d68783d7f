/**
 * A site folder (`SITE_DIR`) or a posts folder alone (`POSTS_DIR`) -> the JekyllSite the pipeline and
 * Liquid read: `_config.yml` (every key), `_data/`, where `_includes/` is, every published post and
 * page with its URL, redirects, and the site's static files. Reads front matter leniently: a broken
 * document is reported with its place when it renders, not here.
 *
 * Jekyll's rules kept: in `_posts`, a file is a post only when its name starts with a date (an undated
 * one is not published, with a warning); `_drafts` only when asked (`drafts`, as `jekyll --drafts`);
 * pages are files with front matter outside `_` folders and `exclude:`; a collection's documents are
 * published when `output: true`.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { parse } from 'yaml'
import type { JekyllSite, SiteDocument } from './jekyll-site.ts'
import { readDataFolder } from './data-files.ts'
import { listSiteFolder } from './site-folder.ts'
import { listPostFiles, displayPath, scanPostsFolder } from './posts-folder.ts'
import { checkIncludesFolder } from './includes-folder.ts'
import { isInside } from './safe-walk.ts'
import { formatProblem } from '../post/problem.ts'
import { isPostFile } from '../post/file-name.ts'
import { collectionDocuments, pageDocument } from './pages.ts'
import { postDocument } from './post-documents.ts'
import { isTimeZone } from './site-time.ts'
import { resolveSiteSettings, unsafeAddressReason } from './resolve-site-settings.ts'

export interface ReadSiteOptions {
  /** A Jekyll site's folder (`SITE_DIR`): `_config.yml`, `_posts/`, pages... */
  siteDir?: string
  /** A posts folder alone (`POSTS_DIR`), today's mode; ignored when `siteDir` is given. */
  postsDir?: string
  /** Publish `_drafts/` too (`DRAFTS=1`, as `jekyll --drafts`). */
  drafts: boolean
  env?: NodeJS.ProcessEnv
  /** Messages name files relative to it. */
  cwd?: string
}

export function readJekyllSite(options: ReadSiteOptions): JekyllSite {
  const cwd = options.cwd ?? process.cwd()
  const env = options.env ?? process.env
  const siteDir = options.siteDir ? resolve(cwd, options.siteDir) : null
  const postsDir = siteDir ? join(siteDir, '_posts') : resolve(cwd, options.postsDir ?? 'posts')
  if (siteDir && !existsSync(join(siteDir, '_config.yml')) && !existsSync(join(siteDir, '_posts'))) {
    throw new Error(`SITE_DIR ${siteDir} is not a Jekyll site: it has neither _config.yml nor _posts/. Point SITE_DIR at the folder that holds them`)
  }
  const shown = (path: string) => displayPath(path, cwd)
  const warnings: string[] = []
  // `_config.yml` beside a posts folder counts too, as it always has for the site settings.
  const config = readConfig(join(siteDir ?? join(postsDir, '..'), '_config.yml'), warnings, shown)
  const settings = resolveSiteSettings(postsDir, env)
  const feedUrls: string[] = []
  const appRedirects: Array<{ from: string; to: string }> = []
  let githubReader: string | null = null
  const read = (file: string) => {
    const source = readFileSync(file, 'utf8')
    if (githubReader === null && /\bsite\.github\b/.test(source)) githubReader = file
    return source
  }
  const context: SiteReadingContext = { siteDir, config, warnings, shown, feedUrls, appRedirects, read }

  const documents: SiteDocument[] = []
  const postsFolderRefused = siteDir && existsSync(postsDir) ? linkedFolderProblem(siteDir, postsDir, shown) : null
  if (postsFolderRefused) warnings.push(postsFolderRefused)
  const postFiles = (existsSync(postsDir) || !siteDir) && !postsFolderRefused ? listPostFiles(postsDir, { html: Boolean(siteDir) }) : []
  for (const path of postFiles) {
    const document = postDocument(context, path, `_posts/${slashed(relative(postsDir, path))}`, 'posts')
    if (document) documents.push(document)
  }
  const draftsDir = join(siteDir ?? join(postsDir, '..'), '_drafts')
  if (options.drafts && existsSync(draftsDir)) {
    const drafts = scanPostsFolder(draftsDir, cwd, { html: Boolean(siteDir), rootName: 'the drafts folder' })
    warnings.push(...drafts.problems.map(formatProblem))
    for (const path of drafts.paths) {
      const document = postDocument(context, path, `_drafts/${slashed(relative(draftsDir, path))}`, 'drafts')
      if (document) documents.push(document)
    }
  }

  let staticFiles: string[] = []
  let data: Record<string, unknown> = {}
  const includeDirs: string[] = []
  let includeFiles: string[] | undefined
  if (siteDir) {
    const folder = listSiteFolder(siteDir, config.exclude, cwd)
    warnings.push(...folder.problems.map(formatProblem))
    staticFiles = folder.staticFiles
    documents.push(...nestedPosts(context, siteDir, folder.postFolders, 'posts', cwd))
    if (options.drafts) documents.push(...nestedPosts(context, siteDir, folder.draftFolders, 'drafts', cwd))
    for (const path of folder.pages) {
      const document = pageDocument(context, path)
      if (document) documents.push(document)
    }
    documents.push(...collectionDocuments(context))
    const dataDir = join(siteDir, typeof config.data_dir === 'string' ? config.data_dir : '_data')
    const read = readDataFolder(dataDir, { shownAs: shown(dataDir), root: siteDir, cwd })
    data = read.data
    warnings.push(...read.warnings)
    const includes = join(siteDir, typeof config.includes_dir === 'string' ? config.includes_dir : '_includes')
    const checked = checkIncludesFolder(includes, siteDir, cwd)
    warnings.push(...checked.warnings)
    if (checked.usable) {
      includeDirs.push(includes)
      includeFiles = checked.files
    }
  }
  if (githubReader) warnings.push(githubWarning(shown(githubReader)))

  return {
    siteDir,
    config: { ...config, url: settings.siteUrl, baseurl: settings.basePath.replace(/\/$/, '') },
    data,
    includeDirs,
    ...(includeFiles ? { includeFiles } : {}),
    basePath: settings.basePath,
    siteUrl: settings.siteUrl,
    documents: documents.sort(newestPostFirst),
    staticFiles,
    warnings,
    feedUrls,
    appRedirects,
  }
}

/**
 * The site with one file of `_posts` (or `_drafts`) read again, added or removed: what the dev server
 * does when a post is saved, without reading every other file again (~100 ms at 1,000 posts). Null
 * when the file is not in those folders, or is a symbolic link: the caller reads the whole site again.
 */
export function rereadPost(site: JekyllSite, file: string, options: ReadSiteOptions): JekyllSite | null {
  const cwd = options.cwd ?? process.cwd()
  const postsDir = site.siteDir ? join(site.siteDir, '_posts') : resolve(cwd, options.postsDir ?? 'posts')
  const draftsDir = join(site.siteDir ?? join(postsDir, '..'), '_drafts')
  const inside = (folder: string) => file.startsWith(`${folder}${sep}`)
  const type = inside(postsDir) ? 'posts' : options.drafts && inside(draftsDir) ? 'drafts' : null
  if (!type || !isPostFile(file, { html: Boolean(site.siteDir) }) || file.split(sep).some((part) => part.startsWith('.'))) return null
  // A symbolic link may point out of the folder, nowhere, or round: the whole read (posts-folder.ts) decides.
  const shown = (path: string) => displayPath(path, cwd)
  const warnings = (site.warnings ?? []).filter((warning) => !warning.startsWith(`${shown(file)}:`))
  const context: SiteReadingContext = { siteDir: site.siteDir, config: site.config, warnings, shown, feedUrls: site.feedUrls ?? [], appRedirects: site.appRedirects ?? [], read: (path) => readFileSync(path, 'utf8') }
  const folder = type === 'posts' ? postsDir : draftsDir
  // A file saved as a link out of the folder is not read, as the whole folder's walk would not (safe-walk.ts).
  const outside = existsSync(file) && !isInside(realpathSync(folder), realpathSync(file))
  if (outside) warnings.push(`${shown(file)}: This link points outside the ${type} folder (to ${realpathSync(file)}); it was left out, since a post may come from anyone. Copy the file into the ${type} folder instead`)
  const document = existsSync(file) && !outside ? postDocument(context, file, `_${type}/${slashed(relative(folder, file))}`, type) : null
  const documents = site.documents.filter((each) => each.file !== file)
  if (document) documents.push(document)
  return { ...site, documents: documents.sort(newestPostFirst), warnings }
}

/**
 * The posts of `_posts` (or `_drafts`) folders below the site's root, as Jekyll reads them: `blog/_posts/
 * 2024-01-02-x.md` is a post of category `blog` (the folders above `_posts`, then its front matter's).
 * As in the root's `_posts`, a link in one must stay inside that folder: `x.md -> ../../.env` is inside
 * the site, yet must not be published.
 */
function nestedPosts(context: SiteReadingContext, siteDir: string, folders: string[], type: 'posts' | 'drafts', cwd: string): SiteDocument[] {
  const documents: SiteDocument[] = []
  for (const folder of folders) {
    const dir = join(siteDir, folder)
    const refused = linkedFolderProblem(siteDir, dir, context.shown)
    if (refused) {
      context.warnings.push(refused)
      continue
    }
    const scan = scanPostsFolder(dir, cwd, { html: true })
    context.warnings.push(...scan.problems.map(formatProblem))
    const categories = folder.split('/').slice(0, -1)
    for (const path of scan.paths) {
      const document = postDocument(context, path, `${folder}/${slashed(relative(dir, path))}`, type, categories)
      if (document) documents.push(document)
    }
  }
  return documents
}

/**
 * Why a site's posts folder (`_posts`, `blog/_posts`) that is a link is not read: it leads out of the
 * site folder, or into a hidden one (`.git`). Null when it may be read.
 */
function linkedFolderProblem(siteDir: string, dir: string, shown: (path: string) => string): string | null {
  const site = realpathSync(siteDir)
  const real = realpathSync(dir)
  if (!isInside(site, real)) return `${shown(dir)}: This folder is a link out of the site folder (to ${real}); it was not read, since a post may come from anyone. Move the posts into the site folder`
  const hidden = relative(site, real).split(sep).find((part) => part.startsWith('.'))
  if (hidden) return `${shown(dir)}: This folder is a link into ${hidden}, a hidden folder (to ${real}); it was not read. Move the posts into a folder of the site`
  return null
}

/** What reading each document needs from the site as a whole. */
export interface SiteReadingContext {
  siteDir: string | null
  config: Record<string, unknown>
  warnings: string[]
  shown: (path: string) => string
  /** Where the site's own feed templates were published (`/atom.xml`): the app's feed goes there. */
  feedUrls: string[]
  /** Site pages' URLs the app serves at another path (`/blog/` -> `/`): they become redirect pages. */
  appRedirects: Array<{ from: string; to: string }>
  /** Reads a document's file (and notes what the whole site must be warned of once). */
  read: (file: string) => string
}

function readConfig(path: string, warnings: string[], shown: (path: string) => string): Record<string, unknown> {
  if (!existsSync(path)) return {}
  try {
    const value: unknown = parse(readFileSync(path, 'utf8'))
    const config = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
    for (const key of ['url', 'baseurl'] as const) {
      const reason = typeof config[key] === 'string' ? unsafeAddressReason(key, config[key]) : null
      if (reason) warnings.push(`${shown(path)}: \`${key}: ${JSON.stringify(config[key])}\` ${reason}; it is not used. Fix it in _config.yml, or set ${key === 'url' ? 'SITE_URL' : 'BASE_PATH'}`)
    }
    // An empty `timezone:` is none, as in Jekyll (Minimal Mistakes' _config.yml ships one).
    if (config.timezone != null && config.timezone !== '' && !(typeof config.timezone === 'string' && isTimeZone(config.timezone))) {
      warnings.push(`${shown(path)}: \`timezone: ${JSON.stringify(config.timezone)}\` is not a time zone name (such as Europe/Berlin); dates with an offset are placed in UTC. Fix it in _config.yml`)
    }
    return config
  } catch (error) {
    warnings.push(`${shown(path)}: not read (${(error as Error).message.split('\n')[0]}); the site's settings are the defaults. Fix its YAML`)
    return {}
  }
}

/**
 * `site.github` (jekyll-github-metadata) asks GitHub's API while Jekyll builds; the app has no such
 * data and renders it empty. One warning for the site, naming the first document that reads it.
 */
function githubWarning(file: string): string {
  return `${file}: \`site.github\` (the jekyll-github-metadata plugin) is empty here: the app cannot ask GitHub for it. Write the values out in _config.yml or the post`
}

function newestPostFirst(a: SiteDocument, b: SiteDocument): number {
  if (a.kind !== b.kind) return a.kind === 'post' ? -1 : 1
  return (b.date ?? '').localeCompare(a.date ?? '') || a.path.localeCompare(b.path)
}

function slashed(path: string): string {
  return path.split(sep).join('/')
}

