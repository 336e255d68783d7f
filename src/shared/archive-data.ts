/**
 * The data contract of the archive (`/blog/archive/`, one page per year) and of series
 * (`/blog/series/<key>/`), written by the build as JSON under the data folder and read by the app.
 */
import type { PostLink } from './post-data.ts'
import { DATA_FOLDER } from './data-paths.ts'

/** Every year with posts, newest first, with its months (newest first) and their counts. */
export interface ArchiveIndex {
  years: ArchiveYearCount[]
  /** Posts without a date: in no year. */
  undated: number
}

export interface ArchiveYearCount {
  /** `2023` */
  year: string
  count: number
  months: Array<{ month: string; count: number }>
}

/** One year's posts by month (`01`-`12`), newest month first, newest post first. */
export interface ArchiveYear {
  year: string
  months: Array<{ month: string; posts: PostLink[] }>
}

/** One series, its parts in reading order. */
export interface SeriesData {
  name: string
  key: string
  parts: SeriesPart[]
}

export type SeriesPart = PostLink & { excerpt: string }

/** What a post of a series shows: every part, in order, and which one it is. */
export interface SeriesNav {
  name: string
  key: string
  parts: PostLink[]
  /** This post's index in `parts` (0 for part 1). */
  position: number
}

export const archiveFiles = {
  index: 'archive/index.json',
  year: (year: string) => `archive/${year}.json`,
  series: (key: string) => `series/${key}.json`,
} as const

export function archiveDataUrl(basePath: string, file: string): string {
  return `${basePath}${DATA_FOLDER}/${file.split('/').map(encodeURIComponent).join('/')}`
}

/** The archive's and series' query keys: the app's queries and the prerendered pages' inlined data use them. */
export const archiveKeys = {
  all: ['archive'] as const,
  index: () => [...archiveKeys.all, 'index'] as const,
  year: (year: string) => [...archiveKeys.all, 'year', year] as const,
  series: (key: string) => [...archiveKeys.all, 'series', key] as const,
}
