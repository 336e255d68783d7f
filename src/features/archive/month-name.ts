/** `2023`, `05` -> `May 2023` or `May`: month names through Intl, in UTC so no time zone moves them. */
const monthFormat = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' })

export function monthName(month: string): string {
  return monthFormat.format(new Date(`2000-${month}-01T00:00:00Z`))
}

export function postCount(count: number): string {
  return `${count} ${count === 1 ? 'post' : 'posts'}`
}
