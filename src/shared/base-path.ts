/**
 * The site's base path (`/` or `/my-blog/`), from the resolved site settings: the same value in the
 * browser bundle and the prerender bundle, so prerendered links match what the browser renders.
 */
import settings from 'virtual:site-settings'

export const basePath = settings.basePath

/** The router's basename: the base path without its trailing slash (`/` stays `/`). */
export const routerBasename = basePath.replace(/\/$/, '') || '/'

/** An app path (`/blog/x/`) as an href outside the router: with the base path. */
export function withBase(path: string): string {
  return `${basePath.replace(/\/$/, '')}${path}`
}
