/** Month names and counts in the site's language, through Intl (src/shared/i18n/i18n.ts). */
import { count as countOf, t } from '../../shared/i18n/i18n.ts'

export { monthName, monthOfYear } from '../../shared/i18n/i18n.ts'

export function postCount(count: number): string {
  return countOf(t.counts.posts, count)
}
