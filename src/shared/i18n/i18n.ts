/**
 * The interface in the site's language: its one catalog (chosen at build time: `virtual:site-locale` is
 * the file of that language alone, so the browser never loads the others), and the language's own
 * numbers, plurals, dates and lists through `Intl`.
 */
import catalog from 'virtual:site-locale'
import settings from 'virtual:site-settings'
import { messageFormatter } from './format-message.ts'
import { textDirection } from './languages.ts'

export const t = catalog
export const lang = settings.lang
export const dir = textDirection(settings.lang)
export const { fill, count, number } = messageFormatter(lang)

const monthFormat = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' })
const monthYearFormat = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' })
const yearFormat = new Intl.DateTimeFormat(lang, { year: 'numeric', timeZone: 'UTC' })

/** `05` -> `May`, `mai`, `مايو`. */
export function monthName(month: string): string {
  return monthFormat.format(new Date(`2000-${month}-01T00:00:00Z`))
}

/** `2023`, `05` -> `May 2023`, `2023年5月`. */
export function monthOfYear(year: string, month: string): string {
  return monthYearFormat.format(new Date(`${year}-${month}-01T00:00:00Z`))
}

/** `2023` as the language writes a year (`٢٠٢٣`, `2023年`). */
export function yearName(year: string): string {
  return /^\d{4}$/.test(year) ? yearFormat.format(new Date(`${year}-06-01T00:00:00Z`)) : year
}

const tagsAll = new Intl.ListFormat(lang, { type: 'conjunction' })
const tagsAny = new Intl.ListFormat(lang, { type: 'disjunction' })

/** Tag names joined as the language joins "A and B" or "A or B" (`quote`: each in quotation marks). */
export function tagNames(names: string[], match: 'any' | 'all', quote = false): string {
  const shown = quote ? names.map(quoted) : names
  return (match === 'all' ? tagsAll : tagsAny).format(shown)
}

/** Text in the language's quotation marks: “peers”, „peers“, « peers », 「peers」. */
export function quoted(text: string): string {
  return fill(t.quoted, { text })
}
