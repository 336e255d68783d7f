/** Dates and reading time in the site's language (src/shared/i18n/). */
import { count, lang, t } from './i18n/i18n.ts'

/** Dates are calendar dates (`YYYY-MM-DD`): formatted in UTC so no time zone moves the day. */
const dateFormat = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })

export function formatDate(date: string): string {
  return dateFormat.format(new Date(`${date}T00:00:00Z`))
}

export function formatReadingTime(minutes: number): string {
  return count(t.counts.readingTime, minutes)
}
