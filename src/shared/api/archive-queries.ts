/**
 * Query option factories for the archive and the series pages. Each page's file is small and never
 * changes within a deploy; a year or series that does not exist reads as null (the page says so).
 */
import { queryOptions } from '@tanstack/react-query'
import { archiveDataUrl, archiveFiles, archiveKeys, type ArchiveIndex, type ArchiveYear, type SeriesData } from '../archive-data.ts'
import { basePath } from '../base-path.ts'

export function archiveIndexQuery() {
  return queryOptions({
    queryKey: archiveKeys.index(),
    queryFn: ({ signal }) => fetchJsonOrNull<ArchiveIndex>(archiveFiles.index, signal).then((index) => index ?? { years: [], undated: 0 }),
    staleTime: Infinity,
  })
}

export function archiveYearQuery(year: string) {
  return queryOptions({
    queryKey: archiveKeys.year(year),
    // Only a four-digit year has a file: anything else is not found without a request.
    queryFn: ({ signal }) => (/^\d{4}$/.test(year) ? fetchJsonOrNull<ArchiveYear>(archiveFiles.year(year), signal) : null),
    staleTime: Infinity,
  })
}

export function seriesQuery(key: string) {
  return queryOptions({
    queryKey: archiveKeys.series(key),
    queryFn: ({ signal }) => fetchJsonOrNull<SeriesData>(archiveFiles.series(key), signal),
    staleTime: Infinity,
  })
}

async function fetchJsonOrNull<T>(file: string, signal: AbortSignal): Promise<T | null> {
  const url = archiveDataUrl(basePath, file)
  const response = await fetch(url, { signal })
  // Some static hosts answer a missing file with their HTML fallback page and a 200.
  const isJson = response.headers.get('content-type')?.includes('json') ?? false
  if (response.status === 404 || (response.ok && !isJson)) return null
  if (!response.ok) throw new Error(`Could not load ${url}: the server answered ${response.status}`)
  return (await response.json()) as T
}
