/**
 * The archive's pages (`/blog/archive/`, one per year) and one page per series (`/blog/series/<key>/`),
 * each with its data inlined, as the other index pages: they read without JavaScript.
 */
import type { Collection } from '../site/collection.ts'
import type { IndexPage } from './prerender.ts'
import { routeFile } from './output-paths.ts'
import { buildArchive } from '../emit/archive-data.ts'
import { seriesData } from '../site/series.ts'
import { archiveKeys as keys } from '../../shared/archive-data.ts'


export function archivePages(collection: Collection): IndexPage[] {
  const archive = buildArchive(collection.index.posts)
  return [
    { path: '/blog/archive/', file: 'blog/archive/index.html', claimant: 'the archive', data: [[keys.index(), archive.index]] },
    ...archive.years.map((year) => ({ path: `/blog/archive/${year.year}/`, file: `blog/archive/${year.year}/index.html`, claimant: `the archive of ${year.year}`, data: [[keys.year(year.year), year]] as IndexPage['data'] })),
  ]
}

export function seriesPages(collection: Collection): IndexPage[] {
  return [...collection.series.values()].map((series) => ({
    path: `/blog/series/${encodeURIComponent(series.key)}/`,
    file: routeFile(`/blog/series/${series.key}/`),
    claimant: `the page of series "${series.key}"`,
    data: [[keys.series(series.key), seriesData(series)]],
  }))
}
