import { defineConfig, type Plugin } from 'vitest/config'

/** Unit tests render components without the content plugin: they see the default site settings. */
function defaultSiteSettingsModule(): Plugin {
  return {
    name: 'default-site-settings',
    resolveId: (id) => (id === 'virtual:site-settings' || id.startsWith('virtual:site-locale') ? `\0${id}` : undefined),
    load: (id) =>
      // The English catalog, as a build of a site without `lang` bundles it (its sections: the plugin's).
      id.startsWith('\0virtual:site-locale')
        ? `import en from '/src/shared/i18n/locales/en.ts'; export default ${id === '\0virtual:site-locale' ? 'en' : `en[${JSON.stringify(id.split('/')[1])}]`}`
        : id === '\0virtual:site-settings'
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
          include: ['src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
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
