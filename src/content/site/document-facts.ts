/**
 * What the site reader needs of a document's front matter before the document renders: read leniently
 * (a file whose YAML is broken gets `{}` here; rendering it reports the error with its place), with
 * `_config.yml`'s `defaults:` merged under it, as Jekyll does.
 */
import { parse } from 'yaml'
import { splitFrontMatter } from '../post/front-matter.ts'

export type FrontMatter = Record<string, unknown>

export function readFrontMatterLeniently(source: string): FrontMatter {
  const block = splitFrontMatter(source)
  if (block.yaml === null) return {}
  try {
    const value: unknown = parse(block.yaml)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as FrontMatter) : {}
  } catch {
    return {}
  }
}

/**
 * Jekyll's front matter defaults: each `{scope: {path, type}, values}` whose path is a prefix of the
 * document's path (or empty) and whose type is the document's (`posts`, `pages`, `drafts`, a collection's
 * name) or unset gives its values; later entries win, the document's own front matter wins over all.
 */
export function withDefaults(frontMatter: FrontMatter, defaults: unknown, path: string, type: string): FrontMatter {
  if (!Array.isArray(defaults)) return frontMatter
  let merged: FrontMatter = {}
  for (const entry of defaults) {
    if (!entry || typeof entry !== 'object') continue
    const { scope, values } = entry as { scope?: { path?: unknown; type?: unknown }; values?: unknown }
    if (!values || typeof values !== 'object') continue
    const scopePath = typeof scope?.path === 'string' ? scope.path.replace(/^\/+|\/+$/g, '') : ''
    if (scopePath && !(path === scopePath || path.startsWith(`${scopePath}/`))) continue
    if (typeof scope?.type === 'string' && scope.type !== type) continue
    merged = { ...merged, ...(values as FrontMatter) }
  }
  return { ...merged, ...frontMatter }
}

/** A front matter value that may be a list or a space-separated string (`categories`, `tags`). */
export function wordList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((entry) => typeof entry === 'string' || typeof entry === 'number').map(String)
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean)
  return []
}

/** `redirect_from:` as a list of paths (one string or a list). */
export function redirectSources(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value]
  return list.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '').map((entry) => entry.trim())
}
