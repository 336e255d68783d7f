/**
 * Front matter dates as Jekyll (Ruby's `Time.parse`) accepts them, reduced to what a reader sees:
 * the author's calendar date, plus an instant to sort by.
 */
export interface PostDate {
  /** `YYYY-MM-DD` as the author wrote it: a time zone offset never moves the shown day. */
  date: string
  /** Milliseconds since the epoch, honouring the offset, for newest-first ordering. */
  timestamp: number
}

const MONTHS = [
  'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
] as const

// 2021-10-30, 2021-10-30 10:20, 2021-10-30T10:20:30.5+01:00, 2021-10-30 10:20:30 -0500, ... +05, ... Z
const NUMERIC =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?)?$/i
// 30 Oct 2021, 30 October 2021 10:00
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/i
// Oct 30, 2021, October 30th 2021
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/i

export function parsePostDate(value: string): PostDate | null {
  const text = value.trim()
  const numeric = NUMERIC.exec(text)
  if (numeric) {
    const [, year, month, day, hour, minute, second, zone] = numeric
    return build(Number(year), Number(month), Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), zone)
  }
  const dayFirst = DAY_MONTH_YEAR.exec(text)
  if (dayFirst) {
    const [, day, monthName, year, hour, minute, second] = dayFirst
    const month = monthNumber(monthName!)
    return month ? build(Number(year), month, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0)) : null
  }
  const monthFirst = MONTH_DAY_YEAR.exec(text)
  if (monthFirst) {
    const [, monthName, day, year, hour, minute, second] = monthFirst
    const month = monthNumber(monthName!)
    return month ? build(Number(year), month, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0)) : null
  }
  return null
}

/** The timestamp of a date-only value such as a file name's `2019-02-15`. */
export function calendarDate(date: string): PostDate {
  return { date, timestamp: Date.parse(`${date}T00:00:00Z`) }
}

function monthNumber(name: string): number | null {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number])
  // "Octember" must not pass as October: accept the abbreviation or a prefix of the full name only.
  const full = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' })
  if (index < 0) return null
  const fullName = full.format(new Date(Date.UTC(2000, index, 1))).toLowerCase()
  return fullName.startsWith(name.toLowerCase()) ? index + 1 : null
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zone?: string,
): PostDate | null {
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second)
  const check = new Date(wallClock)
  // Date.UTC rolls 2021-02-30 over to March; a date that rolls over did not exist.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  if (hour > 23 || minute > 59 || second > 60) return null
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return { date, timestamp: wallClock - offsetMinutes(zone) * 60_000 }
}

/** `+0530`, `-05:00`, `+05`: minutes east of UTC; none, `Z` or `UTC`: 0. */
export function offsetMinutes(zone: string | undefined): number {
  const match = zone ? /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone) : null
  if (!match) return 0 // none, Z or UTC
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0))
}
