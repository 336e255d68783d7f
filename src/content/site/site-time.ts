/**
 * Dates in a site's time zone, as Jekyll reads them (checked against `TZ=UTC jekyll build`, see
 * time-zone.test.ts). Jekyll sets the process's time zone to `_config.yml`'s `timezone:` (GitHub
 * Pages builds in UTC without it) and reads `date:` with `Time.parse(...).localtime`:
 *
 * - a YAML timestamp (a time with seconds) is an instant, in UTC unless it has an offset, and lands
 *   on the site's day and hour: `2016-05-21 01:00:00 +0530` is `/2016/05/20/` in UTC;
 * - a time without seconds and no offset (`2016-05-21 01:00`), or a day alone, is the site's own wall
 *   clock, as written.
 *
 * (A quoted timestamp is a string to Jekyll, read as the site's wall clock; the YAML reader here no
 * longer tells the two apart, so it is read as a timestamp.) This build never reads the machine's
 * time zone: what Liquid is given carries its offset (`withSiteOffset`).
 */
import { offsetMinutes } from '../post/post-date.ts'

export interface DateParts {
  /** `YYYY-MM-DD` */
  date: string
  time: { hour: string; minute: string; second: string }
  /** The site's time zone's offset then: `+0530`, `-0400`, `+0000`. */
  offset: string
}

const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?)?)?$/i

/**
 * A front matter date's parts for permalinks and `page.date`, in `timeZone` (a name this machine
 * knows: see `siteTimeZone`). `timeZone` null keeps the day and time as written (a posts folder
 * alone: the app's own addresses have always used the author's day). Null for no date or an
 * impossible one (`2021-02-30`, month 13), as Jekyll refuses those.
 */
export function dateParts(value: unknown, timeZone: string | null): DateParts | null {
  const match = typeof value === 'string' ? DATE_TIME.exec(value.trim()) : null
  if (!match) return null
  const [, year, month, day, hour = '0', minute = '0', seconds, offset] = match
  const numbers = [year, month, day, hour, minute, seconds ?? '0'].map(Number) as [number, number, number, number, number, number]
  const wallClock = Date.UTC(numbers[0], numbers[1] - 1, numbers[2], numbers[3], numbers[4], numbers[5])
  const check = new Date(wallClock)
  // Date.UTC rolls 2021-02-30 over into March: a date that rolls over does not exist.
  if (check.getUTCFullYear() !== numbers[0] || check.getUTCMonth() !== numbers[1] - 1 || check.getUTCDate() !== numbers[2] || numbers[3] > 23 || numbers[4] > 59 || numbers[5] > 59) return null
  const zone = offset ?? (seconds !== undefined ? 'Z' : undefined)
  if (timeZone !== null && zone) return wallClockIn(wallClock - offsetMinutes(zone) * 60_000, timeZone)
  return {
    date: `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`,
    time: { hour: hour.padStart(2, '0'), minute: minute.padStart(2, '0'), second: (seconds ?? '0').padStart(2, '0') },
    offset: timeZone === null ? '+0000' : offsetAtWallClock(wallClock, timeZone),
  }
}

/** Jekyll's `page.date` as Ruby prints a Time (`Time#to_s`): `2016-05-20 15:30:00 -0400`. */
export function rubyTime(parts: DateParts): string {
  return `${parts.date} ${parts.time.hour}:${parts.time.minute}:${parts.time.second} ${parts.offset}`
}

/**
 * A value Liquid's date filters are given: a date or timestamp written without an offset gets the
 * site's (read as `dateParts` reads `date:`), so the filters never fall back on the build machine's
 * time zone. Anything else (`now`, a number, a date with its own offset) is left as it is.
 */
export function withSiteOffset(value: unknown, timeZone: string): unknown {
  if (typeof value !== 'string') return value
  const match = DATE_TIME.exec(value.trim())
  if (!match || match[7]) return value
  const parts = dateParts(value, timeZone)
  return parts ? rubyTime(parts) : value
}

/** `_config.yml`'s `timezone:` when this machine knows it (read-site.ts warns of another), else UTC. */
export function siteTimeZone(config: Record<string, unknown>): string {
  return typeof config.timezone === 'string' && isTimeZone(config.timezone) ? config.timezone : 'UTC'
}

/** Whether a time zone name is one this machine knows (`Europe/Berlin`). */
export function isTimeZone(name: string): boolean {
  try {
    wallClockFormat(name)
    return true
  } catch {
    return false
  }
}

/**
 * A post's `page.date` (`rubyTime`'s `2016-05-20 15:30:00 -0400`) as its day and instant, for the
 * post's card and its place in the list.
 */
export function parseRubyTime(text: string): { date: string; timestamp: number } | null {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/.exec(text)
  return match ? { date: match[1]!, timestamp: Date.parse(`${match[1]}T${match[2]}${match[3]}:${match[4]}`) } : null
}

// One formatter of each kind a time zone: making one costs some 40 µs, and the date filters run for
// every post of a `site.posts` loop in every post (a sidebar of dates: 1,000 x 1,000 calls).
const wallClockFormats = new Map<string, Intl.DateTimeFormat>()
const offsetFormats = new Map<string, Intl.DateTimeFormat>()

/** Throws a RangeError for a time zone this machine does not know. */
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    wallClockFormats.set(timeZone, format)
  }
  return format
}

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    offsetFormats.set(timeZone, format)
  }
  return format
}

function wallClockIn(instant: number, timeZone: string): DateParts {
  const parts = Object.fromEntries(wallClockFormat(timeZone).formatToParts(new Date(instant)).map((part) => [part.type, part.value]))
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: { hour: parts.hour!, minute: parts.minute!, second: parts.second! }, offset: offsetText(offsetAt(instant, timeZone)) }
}

/**
 * The zone's offset at a wall clock time (given as if it were UTC): the offset at that instant read as
 * UTC, then at the instant that offset gives, so a wall clock a DST change away from its UTC reading
 * (03:00-07:00 in New York on the spring day) gets the offset in force then.
 */
function offsetAtWallClock(wallClock: number, timeZone: string): string {
  const first = offsetAt(wallClock, timeZone)
  return offsetText(offsetAt(wallClock - first * 60_000, timeZone))
}

/** Minutes east of UTC in `timeZone` at `instant` (Intl's `GMT+05:30`). */
function offsetAt(instant: number, timeZone: string): number {
  const name = offsetFormat(timeZone).formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const absolute = Math.abs(minutes)
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}${String(absolute % 60).padStart(2, '0')}`
}
