/**
 * The archive: dated posts by year and month, with counts (`archive/index.json`), and one file per year
 * with its posts (`archive/<year>.json`). A year's file is what its page needs and no more, so the
 * archive stays small however many years a blog has.
 */
import type { PostSummary } from '../../shared/post-data.ts'
import type { ArchiveIndex, ArchiveYear } from '../../shared/archive-data.ts'
import { seriesLink } from '../site/series.ts'

export interface Archive {
  index: ArchiveIndex
  years: ArchiveYear[]
}

/** `posts` newest first, as the index lists them; the archive keeps that order. */
export function buildArchive(posts: PostSummary[]): Archive {
  const years: ArchiveYear[] = []
  let undated = 0
  for (const post of posts) {
    if (post.error) continue
    if (!post.date) {
      undated += 1
      continue
    }
    const [year, month] = post.date.split('-') as [string, string]
    let entry = years.find((each) => each.year === year)
    if (!entry) years.push((entry = { year, months: [] }))
    let months = entry.months.find((each) => each.month === month)
    if (!months) entry.months.push((months = { month, posts: [] }))
    months.posts.push(seriesLink(post))
  }
  years.sort((a, b) => b.year.localeCompare(a.year))
  for (const year of years) year.months.sort((a, b) => b.month.localeCompare(a.month))
  const index: ArchiveIndex = {
    years: years.map(({ year, months }) => ({
      year,
      count: months.reduce((sum, each) => sum + each.posts.length, 0),
      months: months.map(({ month, posts }) => ({ month, count: posts.length })),
    })),
    undated,
  }
  return { index, years }
}
