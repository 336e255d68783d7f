/// <reference types="vite/client" />

/** `assets/mermaid-<version>/`: where the build copies Mermaid's own files (src/content/build/mermaid-files.ts). */
declare const __MERMAID_FOLDER__: string

declare module 'virtual:site-settings' {
  import type { SiteSettings } from './site-settings.ts'
  /** The settings the build resolved (environment, src/site-settings.ts, `_config.yml`, defaults). */
  const settings: SiteSettings
  export default settings
  /** True in a built site (posts are read from their pages), false on the dev server (from `data/posts/`). */
  export const postPagesBuilt: boolean
}

/**
 * The interface texts of the site's language (src/shared/i18n/locales/<lang>.ts), chosen at build time:
 * what every page shows; the sections only some pages show come with those pages (below), and what
 * only the build writes (redirect and offline pages) never reaches the browser.
 */
declare module 'virtual:site-locale' {
  import type { BrowserCatalog } from './shared/i18n/catalog-sections.ts'
  const catalog: BrowserCatalog
  export default catalog
}
declare module 'virtual:site-locale/archive' {
  import type { Catalog } from './shared/i18n/locales/en.ts'
  const texts: Catalog['archive']
  export default texts
}
declare module 'virtual:site-locale/tags' {
  import type { Catalog } from './shared/i18n/locales/en.ts'
  const texts: Catalog['tags']
  export default texts
}
declare module 'virtual:site-locale/series' {
  import type { Catalog } from './shared/i18n/locales/en.ts'
  const texts: Catalog['series']
  export default texts
}
declare module 'virtual:site-locale/settings' {
  import type { Catalog } from './shared/i18n/locales/en.ts'
  const texts: Catalog['settings']
  export default texts
}
declare module 'virtual:site-locale/list' {
  import type { Catalog } from './shared/i18n/locales/en.ts'
  const texts: Catalog['list']
  export default texts
}
declare module 'virtual:site-locale/post' {
  import type { Catalog } from './shared/i18n/locales/en.ts'
  const texts: Catalog['post']
  export default texts
}
