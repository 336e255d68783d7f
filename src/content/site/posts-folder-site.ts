/**
 * The `JekyllSite` of a posts folder alone (`POSTS_DIR`): `_config.yml` from beside the folder (as
 * `resolve-site-settings.ts` finds it), no `_data`, no `_includes` (the theme's includes still apply),
 * and every post as a document, from its file name and front matter. Reading a whole site folder
 * (`SITE_DIR`) replaces this.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { parse } from 'yaml'
import type { JekyllSite, SiteDocument } from './jekyll-site.ts'
import type { SiteSettings } from '../../site-settings.ts'
import { parsePostFileName, slugifyPretty, titleFromSlug } from '../post/file-name.ts'
import { splitFrontMatter } from '../post/front-matter.ts'

export function postsFolderSite(
  postsDir: string,
  paths: string[],
  settings: Pick<SiteSettings, 'basePath' | 'siteUrl'>,
  /** Documents already read (the dev server keeps them between saves); the others are read here. */
  known: Map<string, SiteDocument> = new Map(),
): JekyllSite {
  const documents = paths.map((path) => known.get(path) ?? postDocument(postsDir, path, readFileSync(path, 'utf8')))
  // Newest first, as Jekyll's `site.posts`; undated posts last.
  documents.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
  return {
    siteDir: null,
    config: readConfig(postsDir),
    data: {},
    includeDirs: [],
    basePath: settings.basePath,
    siteUrl: settings.siteUrl,
    documents,
  }
}

/** One post file as `site.posts` shows it. Front matter it cannot read is left empty: loading the post reports it. */
export function postDocument(postsDir: string, path: string, source: string): SiteDocument {
  const fileName = parsePostFileName(path)
  const frontMatter = readYaml(splitFrontMatter(source).yaml)
  const slug = typeof frontMatter.slug === 'string' && frontMatter.slug ? slugifyPretty(frontMatter.slug) : fileName.slug
  const date = /^\d{4}-\d{2}-\d{2}/.exec(String(frontMatter.date ?? ''))?.[0] ?? fileName.date
  return {
    kind: 'post',
    path: `_posts/${relative(postsDir, path).split(sep).join('/')}`,
    url: `/blog/${slug}/`,
    slug,
    title: typeof frontMatter.title === 'string' ? frontMatter.title : titleFromSlug(fileName.slug),
    date,
    tags: words(frontMatter.tags ?? frontMatter.tag),
    categories: words(frontMatter.categories ?? frontMatter.category),
    frontMatter,
  }
}

function readConfig(postsDir: string): Record<string, unknown> {
  const path = join(dirname(postsDir), '_config.yml')
  return existsSync(path) ? readYaml(readFileSync(path, 'utf8')) : {}
}

function readYaml(text: string | null): Record<string, unknown> {
  if (!text) return {}
  try {
    const value: unknown = parse(text, { version: '1.1', maxAliasCount: 100 })
    // Dates stay text (`{{ page.date }}`); structuredClone-able values only, as the site crosses to workers.
    return value && typeof value === 'object' && !Array.isArray(value) ? (JSON.parse(JSON.stringify(value)) as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function words(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : []
}
