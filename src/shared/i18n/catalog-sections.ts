/**
 * How a catalog reaches the browser (src/content/build/vite-plugin.ts writes the modules): the texts
 * every page shows as `virtual:site-locale`, in the first load; each page's own section as
 * `virtual:site-locale/<section>`, in that page's code; the build's own pages' texts not at all.
 */
import type { Catalog } from './locales/en.ts'

/** Sections loaded with the one page (or panel) that shows them. */
export const PAGE_SECTIONS = ['list', 'post', 'archive', 'tags', 'series', 'settings'] as const
/** Sections only build-time code writes (redirect pages, the service worker's offline page). */
export const BUILD_SECTIONS = ['redirect', 'offline'] as const

export type BrowserCatalog = Omit<Catalog, (typeof PAGE_SECTIONS)[number] | (typeof BUILD_SECTIONS)[number]>

/** The module text of `virtual:site-locale` (`section` null) or `virtual:site-locale/<section>`. */
export function catalogModule(catalog: Catalog, section: string | null): string {
  if (section === null) {
    const shown: Record<string, unknown> = { ...catalog }
    for (const name of [...PAGE_SECTIONS, ...BUILD_SECTIONS]) delete shown[name]
    return `export default ${JSON.stringify(shown)}`
  }
  if (!(PAGE_SECTIONS as readonly string[]).includes(section)) throw new Error(`virtual:site-locale/${section} is no catalog section: use one of ${PAGE_SECTIONS.join(', ')}`)
  return `export default ${JSON.stringify(catalog[section as (typeof PAGE_SECTIONS)[number]])}`
}
