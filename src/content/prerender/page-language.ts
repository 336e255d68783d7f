/**
 * The site's language for pages written without the app (redirect pages, quote pages, the offline
 * page): `<html lang dir>` and the catalog's texts. Settings hold a tag already resolved (vite-plugin.ts).
 */
import type { Catalog } from '../../shared/i18n/locales/en.ts'
import { catalogs } from '../../shared/i18n/catalogs.ts'
import { resolveSiteLanguage } from '../../shared/i18n/languages.ts'

export interface PageLanguage {
  /** `lang="ar" dir="rtl"`, for the `<html>` tag. */
  htmlAttributes: string
  t: Catalog
}

export function pageLanguage(lang: string): PageLanguage {
  const { tag, catalog, dir } = resolveSiteLanguage(lang, 'lang')
  // A canonical tag holds letters, digits and `-` only: nothing to escape.
  return { htmlAttributes: `lang="${tag}" dir="${dir}"`, t: catalogs[catalog] }
}
