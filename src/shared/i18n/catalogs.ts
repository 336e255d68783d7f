/**
 * Every shipped catalog, by language: for build-time code (redirect pages, the offline page, tests),
 * never imported by the app's browser code, which gets its site's one catalog (`virtual:site-locale`).
 */
import type { Catalog } from './locales/en.ts'
import type { ShippedLanguage } from './languages.ts'
import en from './locales/en.ts'
import de from './locales/de.ts'
import fr from './locales/fr.ts'
import es from './locales/es.ts'
import pt from './locales/pt.ts'
import id from './locales/id.ts'
import ko from './locales/ko.ts'
import ja from './locales/ja.ts'
import zh from './locales/zh.ts'
import ar from './locales/ar.ts'

export const catalogs: Record<ShippedLanguage, Catalog> = { en, de, fr, es, pt, id, ko, ja, zh, ar }
