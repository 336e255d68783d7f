import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vitest/config'

/** Unit tests render components without the content plugin: they see the default site settings. */
function defaultSiteSettingsModule(): Plugin {
  return {
    name: 'default-site-settings',
    // The English catalog, as a build of a site without `lang` bundles it.
    resolveId: (id) => (id === 'virtual:site-settings' ? '\0virtual:site-settings' : id === 'virtual:site-locale' ? fileURLToPath(new URL('./src/shared/i18n/locales/en.ts', import.meta.url)) : undefined),
    load: (id) =>
      id === '\0virtual:site-settings'
        ? `import { defaultSiteSettings } from '/src/site-settings.ts'; export default defaultSiteSettings; export const postPagesBuilt = false`
        : undefined,
  }
}

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [defaultSiteSettingsModule()],
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One browser and one server per file; files run one after another on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
})
