/// <reference types="vite/client" />

declare module 'virtual:site-settings' {
  import type { SiteSettings } from './site-settings.ts'
  /** The settings the build resolved (environment, src/site-settings.ts, `_config.yml`, defaults). */
  const settings: SiteSettings
  export default settings
  /** True in a built site (posts are read from their pages), false on the dev server (from `data/posts/`). */
  export const postPagesBuilt: boolean
}

declare module 'virtual:site-locale' {
  import type { Catalog } from './shared/i18n/locales/en.ts'
  /** The interface texts of the site's language (src/shared/i18n/locales/<lang>.ts), chosen at build time. */
  const catalog: Catalog
  export default catalog
}
