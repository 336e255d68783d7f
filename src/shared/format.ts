/** Dates are calendar dates (`YYYY-MM-DD`): formatted in UTC so no time zone moves the day. */
const dateFormat = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })

export function formatDate(date: string): string {
  return dateFormat.format(new Date(`${date}T00:00:00Z`))
}

export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`
}
