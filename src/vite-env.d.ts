/// <reference types="vite/client" />

declare module 'virtual:site-settings' {
  import type { SiteSettings } from './site-settings.ts'
  /** The settings the build resolved (environment, src/site-settings.ts, `_config.yml`, defaults). */
  const settings: SiteSettings
  export default settings
}
