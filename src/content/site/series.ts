/**
 * Posts that share a `series:` value, in reading order: by `series_order` where given (those first),
 * then by date, oldest first (a series is read from its start), then by title. Names are matched as
 * tags are (`Measuring Delivery` and `measuring delivery` are one series, keyed `measuring-delivery`);
 * the series is called what its first part calls it.
 */
import type { PostLink, PostSummary } from '../../shared/post-data.ts'
import type { SeriesData, SeriesNav } from '../../shared/archive-data.ts'
import type { SeriesMembership } from '../post/load-post.ts'
import { tagKey } from '../../shared/tag-key.ts'

export interface SeriesMember {
  summary: PostSummary
  series: SeriesMembership | null
}

export interface Series {
  name: string
  key: string
  parts: PostSummary[]
}

export function groupSeries(posts: SeriesMember[]): Map<string, Series> {
  const byKey = new Map<string, Array<{ summary: PostSummary; order: number | null }>>()
  for (const { summary, series } of posts) {
    const key = series ? tagKey(series.name) : ''
    if (!key) continue
    const members = byKey.get(key) ?? []
    members.push({ summary, order: series!.order })
    byKey.set(key, members)
  }
  const all = new Map<string, Series>()
  for (const [key, members] of byKey) {
    members.sort(readingOrder)
    const name = posts.find((post) => post.summary === members[0]!.summary)!.series!.name
    all.set(key, { name, key, parts: members.map((member) => member.summary) })
  }
  return all
}

function readingOrder(a: { summary: PostSummary; order: number | null }, b: { summary: PostSummary; order: number | null }): number {
  if (a.order !== null && b.order !== null && a.order !== b.order) return a.order - b.order
  if ((a.order === null) !== (b.order === null)) return a.order === null ? 1 : -1
  const byDate = (a.summary.date ?? '9999').localeCompare(b.summary.date ?? '9999')
  return byDate || a.summary.title.localeCompare(b.summary.title)
}

export function seriesLink(post: PostSummary): PostLink {
  return { slug: post.slug, title: post.title, date: post.date, permalink: post.permalink }
}

/** What the page of `slug` shows about its series, or null when it is in none. */
export function seriesNavFor(series: Series | undefined, slug: string): SeriesNav | null {
  if (!series) return null
  return { name: series.name, key: series.key, parts: series.parts.map(seriesLink), position: series.parts.findIndex((part) => part.slug === slug) }
}

/** The series page's data. */
export function seriesData(series: Series): SeriesData {
  return { name: series.name, key: series.key, parts: series.parts.map((part) => ({ ...seriesLink(part), excerpt: part.excerpt })) }
}
