/**
 * The settings a build uses: environment, then `src/site-settings.ts`, then the Jekyll `_config.yml`
 * beside the posts folder, then the defaults. Also where the base path comes from, so a migrating
 * author's `baseurl` works with no configuration.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { parse } from 'yaml'
import { defaultSiteSettings, siteSettings, type SiteSettings } from '../../site-settings.ts'
import { resolveSiteLanguage, type SiteLanguage } from '../../shared/i18n/languages.ts'

export interface JekyllConfig {
  title?: string
  description?: string
  author?: string
  url?: string
  baseurl?: string
  lang?: string
}

export function readJekyllConfig(postsDir: string): JekyllConfig {
  const path = join(dirname(postsDir), '_config.yml')
  if (!existsSync(path)) return {}
  try {
    const config: unknown = parse(readFileSync(path, 'utf8'))
    if (!config || typeof config !== 'object') return {}
    const record = config as Record<string, unknown>
    const text = (key: string) => {
      const value = record[key]
      if (typeof value === 'string' && value.trim()) return value.trim()
      // jekyll-seo-tag allows `author: {name: ...}`.
      if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return (value as { name: string }).name
      return undefined
    }
    const safe = (key: 'url' | 'baseurl') => {
      const value = text(key)
      return value !== undefined && unsafeAddressReason(key, value) === null ? value : undefined
    }
    return { title: text('title'), description: text('description'), author: text('author'), url: safe('url'), baseurl: safe('baseurl'), lang: text('lang') }
  } catch {
    return {}
  }
}

export function resolveSiteSettings(postsDir: string, env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const jekyll = readJekyllConfig(postsDir)
  const pick = <K extends keyof SiteSettings>(key: K, fromJekyll: SiteSettings[K] | undefined): SiteSettings[K] =>
    siteSettings[key] ?? fromJekyll ?? defaultSiteSettings[key]
  const siteUrl = env.SITE_URL ?? pick('siteUrl', jekyll.url)
  const basePath = env.BASE_PATH ?? pick('basePath', jekyll.baseurl)
  return {
    title: pick('title', jekyll.title),
    description: pick('description', jekyll.description),
    author: pick('author', jekyll.author),
    siteUrl: siteUrl.replace(/\/+$/, ''),
    basePath: normalizeBasePath(basePath),
    defaultImage: pick('defaultImage', undefined),
    comments: pick('comments', undefined),
    lang: resolveLanguageSetting(postsDir, env).tag,
    highlightPages: env.HIGHLIGHT_PAGES !== undefined ? parseSwitchOrAuto('HIGHLIGHT_PAGES', env.HIGHLIGHT_PAGES) : pick('highlightPages', undefined),
  }
}

/**
 * The interface language: `SITE_LANG` (not `LANG`, which is the system's own locale on every shell),
 * then `lang` in src/site-settings.ts, then `_config.yml`'s `lang` (Jekyll's key, as Minima and Chirpy
 * read it), then English. `problem` names where an unknown value was written, and the known languages.
 */
export function resolveLanguageSetting(postsDir: string, env: NodeJS.ProcessEnv = process.env): SiteLanguage & { problem: string | null } {
  if (env.SITE_LANG) return resolveSiteLanguage(env.SITE_LANG, 'SITE_LANG')
  if (siteSettings.lang) return resolveSiteLanguage(siteSettings.lang, 'src/site-settings.ts')
  const lang = readJekyllConfig(postsDir).lang
  if (!lang) return resolveSiteLanguage(defaultSiteSettings.lang, 'defaultSiteSettings')
  const path = join(dirname(postsDir), '_config.yml')
  const lines = readFileSync(path, 'utf8').split('\n')
  const line = lines.findIndex((text) => /^lang\s*:/.test(text))
  return resolveSiteLanguage(lang, `${relative(process.cwd(), path) || path}:${line + 1}:${line >= 0 ? lines[line]!.indexOf(':') + 3 : 1}`)
}

/** An on/off environment variable; anything else stops the build rather than guess. */
export function parseSwitch(name: string, value: string): boolean {
  const normalized = value.trim().toLowerCase()
  if (['true', '1', 'yes', 'on'].includes(normalized)) return true
  if (['false', '0', 'no', 'off'].includes(normalized)) return false
  throw new Error(`${name}=${value} is not a switch: set it to true or false`)
}

/** A switch that may also be left to the build (`auto`). */
function parseSwitchOrAuto(name: string, value: string): boolean | 'auto' {
  if (value.trim().toLowerCase() === 'auto') return 'auto'
  try {
    return parseSwitch(name, value)
  } catch {
    throw new Error(`${name}=${value} is not a switch: set it to true, false or auto`)
  }
}

/**
 * Why `_config.yml`'s `url` or `baseurl` cannot be used, or null. Both reach every page unescaped in
 * places (script and stylesheet URLs, Vite's base), so a site's value is kept only when it is a plain
 * address: `https://blog.example.com`, `/my-blog`. The site reader warns (read-site.ts); the value is
 * then left unset.
 */
export function unsafeAddressReason(key: 'url' | 'baseurl', value: string): string | null {
  if (key === 'url') return /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$/.test(value.trim()) && !/['"]/.test(value) ? null : 'is not a plain http(s) address such as https://blog.example.com'
  return /^[A-Za-z0-9._~%/-]*$/.test(value.trim()) && !value.split('/').includes('..') ? null : 'is not a plain path such as /my-blog (letters, digits, `-`, `_`, `.`, `~` and `/`)'
}

/** `my-blog`, `/my-blog`, `/my-blog/` -> `/my-blog/`; '' -> `/`. */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/^\/+|\/+$/g, '')
  return trimmed ? `/${trimmed}/` : '/'
}
