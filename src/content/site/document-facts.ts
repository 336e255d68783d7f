/**
 * What the site reader needs of a document's front matter before the document renders: read leniently
 * (a file whose YAML is broken gets `{}` here; rendering it reports the error with its place), with
 * `_config.yml`'s `defaults:` merged under it, as Jekyll does.
 */
import { parse } from 'yaml'
import { splitFrontMatter } from '../post/front-matter.ts'

export type FrontMatter = Record<string, unknown>

export function readFrontMatterLeniently(source: string): FrontMatter {
  const block = splitFrontMatter(source)
  if (block.yaml === null) return {}
  try {
    const value: unknown = parse(block.yaml)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as FrontMatter) : {}
  } catch {
    return {}
  }
}

/**
 * Jekyll's front matter defaults: each `{scope: {path, type}, values}` whose path is a prefix of the
 * document's path (or empty) and whose type is the document's (`posts`, `pages`, `drafts`, a collection's
 * name) or unset gives its values; later entries win, the document's own front matter wins over all.
 */
export function withDefaults(frontMatter: FrontMatter, defaults: unknown, path: string, type: string): FrontMatter {
  if (!Array.isArray(defaults)) return frontMatter
  let merged: FrontMatter = {}
  for (const entry of defaults) {
    if (!entry || typeof entry !== 'object') continue
    const { scope, values } = entry as { scope?: { path?: unknown; type?: unknown }; values?: unknown }
    if (!values || typeof values !== 'object') continue
    const scopePath = typeof scope?.path === 'string' ? scope.path.replace(/^\/+|\/+$/g, '') : ''
    if (scopePath && !(path === scopePath || path.startsWith(`${scopePath}/`))) continue
    if (typeof scope?.type === 'string' && scope.type !== type) continue
    merged = { ...merged, ...(values as FrontMatter) }
  }
  return { ...merged, ...frontMatter }
}

/** A front matter value that may be a list or a space-separated string (`categories`, `tags`). */
export function wordList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((entry) => typeof entry === 'string' || typeof entry === 'number').map(String)
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean)
  return []
}

/** `redirect_from:` as a list of paths (one string or a list). */
export function redirectSources(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value]
  return list.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '').map((entry) => entry.trim())
}

/**
 * A front matter date's parts for permalink placeholders: `2019-02-05 14:03:00 +0100`, as Jekyll reads
 * it (checked against `jekyll build`): a YAML timestamp (a time with seconds) is an instant, in UTC
 * unless it has an offset, moved into the site's time zone (`timeZone`, from `_config.yml`'s
 * `timezone:`; UTC without it, as on GitHub Pages): `2016-05-21 01:00:00 +0530` is `/2016/05/20/` in
 * UTC. A time without seconds and no offset (`2016-05-21 01:00`) or a day alone is the site's own wall
 * clock, as written. (A quoted timestamp is a string to Jekyll, read as the site's wall clock; the YAML
 * reader here no longer tells the two apart, so it is read as a timestamp.)
 */
export interface DateParts {
  date: string
  time: { hour: string; minute: string; second: string }
  /** The site's time zone's offset then: `+0530`, `-0400`, `+0000`. */
  offset: string
}

export function dateParts(value: unknown, timeZone = 'UTC'): DateParts | null {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null
  const match = text && /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?)?/i.exec(text.trim())
  if (!match) return null
  const [, year, month, day, hour = '0', minute = '0', seconds, offset] = match
  const second = seconds ?? '0'
  const zone = offset ?? (seconds !== undefined ? 'Z' : undefined)
  if (zone) {
    const instant = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)) - offsetMinutes(zone) * 60_000
    const local = wallClockIn(instant, timeZone)
    if (local) return local
  }
  const date = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`
  const time = { hour: hour.padStart(2, '0'), minute: minute.padStart(2, '0'), second: second.padStart(2, '0') }
  // The offset at that wall clock, read as UTC: off by the shift itself only within an hour of one.
  const wallClock = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second))
  return { date, time, offset: offsetIn(wallClock, isTimeZone(timeZone) ? timeZone : 'UTC') }
}

/**
 * Jekyll's `page.date` as Ruby prints it (`Time#to_s`), in the site's time zone: `2016-05-20 15:30:00
 * -0400`. Liquid's date filters keep its offset (`preserveTimezones`), so `%H:%M` is the site's hour.
 */
export function rubyTime(parts: DateParts): string {
  return `${parts.date} ${parts.time.hour}:${parts.time.minute}:${parts.time.second} ${parts.offset}`
}

/** Whether `_config.yml`'s `timezone:` names a time zone this machine knows (`Europe/Berlin`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

function wallClockIn(instant: number, timeZone: string): DateParts | null {
  if (Number.isNaN(instant) || !isTimeZone(timeZone)) return null
  const format = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]))
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: { hour: parts.hour!, minute: parts.minute!, second: parts.second! }, offset: offsetIn(instant, timeZone) }
}

/** `+0530` for Asia/Kolkata at `instant` (`GMT+05:30` in Intl's words), `+0000` for UTC. */
function offsetIn(instant: number, timeZone: string): string {
  if (Number.isNaN(instant)) return '+0000'
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  return match ? `${match[1]}${match[2]}${match[3]}` : '+0000'
}

/** `+0530`, `-05:00`, `Z`: minutes east of UTC. */
function offsetMinutes(zone: string): number {
  if (/^(z|utc)$/i.test(zone)) return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)))
}
