/**
 * The interface languages the app ships, and how a site's `lang` (a BCP 47 tag: `de`, `pt-BR`, `ar`)
 * picks one: by its language subtag, so `pt-BR` reads `pt`'s catalog while the page keeps `lang="pt-BR"`.
 */
export const SHIPPED_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'id', 'ko', 'ja', 'zh', 'ar'] as const
export type ShippedLanguage = (typeof SHIPPED_LANGUAGES)[number]

/** Languages written right to left (their scripts' default direction): the page is laid out mirrored. */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb'])

export interface SiteLanguage {
  /** The tag as the site wrote it, canonicalized: `<html lang>`. */
  tag: string
  /** The catalog the interface is written from. */
  catalog: ShippedLanguage
  dir: 'ltr' | 'rtl'
}

/** A tag's canonical form (`pt-br` -> `pt-BR`), or null when it is no BCP 47 tag. */
export function canonicalTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] ?? null
  } catch {
    return null
  }
}

export function textDirection(tag: string): 'ltr' | 'rtl' {
  const language = tag.split('-')[0]!.toLowerCase()
  // A script subtag wins: `az-Arab` is written right to left, `ku-Latn` left to right.
  if (/-(Arab|Hebr|Syrc|Thaa|Nkoo|Adlm|Rohg)\b/i.test(tag)) return 'rtl'
  if (/-(Latn|Cyrl)\b/i.test(tag)) return 'ltr'
  return RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr'
}

/**
 * The site's interface language from its `lang` setting. An unknown or invalid one falls back to
 * English; `problem` then says why and what to write instead.
 */
export function resolveSiteLanguage(lang: string, source: string): SiteLanguage & { problem: string | null } {
  const tag = canonicalTag(lang)
  const known = `Use one of: ${SHIPPED_LANGUAGES.join(', ')} (a region such as pt-BR is fine), or add a catalog in src/shared/i18n/locales/`
  if (tag === null) {
    return { tag: 'en', catalog: 'en', dir: 'ltr', problem: `${source}: \`lang: ${lang}\` is not a language tag; the interface is in English. ${known}` }
  }
  const language = tag.split('-')[0]!.toLowerCase()
  const catalog = (SHIPPED_LANGUAGES as readonly string[]).includes(language) ? (language as ShippedLanguage) : null
  if (catalog === null) {
    return { tag: 'en', catalog: 'en', dir: 'ltr', problem: `${source}: no interface catalog for \`lang: ${lang}\`; the interface is in English. ${known}` }
  }
  return { tag, catalog, dir: textDirection(tag), problem: null }
}
