/** Fetching the list's and the search's data files (src/shared/list-data.ts). */
import { basePath } from '../base-path.ts'
import { listDataUrl } from '../list-data.ts'

/** A positional file of another build than the page's: the blog was deployed since the page was opened. */
export class ListChangedError extends Error {
  constructor() {
    super('the blog has been updated since this page was opened. Reload it to see the new posts')
  }
}

/** Fetches a list or search file and checks it belongs to the version the page shows. */
export async function fetchListFile<T extends { v: string }>(file: string, v: string | undefined, signal: AbortSignal): Promise<T> {
  const url = listDataUrl(basePath, file, v)
  const response = await fetch(url, { signal })
  if (!response.ok) throw new Error(`Could not load ${url}: the server answered ${response.status}`)
  const data = (await response.json()) as T
  // The dev server (hot reloading) rebuilds the files on every save and the page refetches them all.
  if (v !== undefined && data.v !== v && !import.meta.hot) throw new ListChangedError()
  return data
}

/** As the app's other queries (one retry), but data of another deploy stays wrong however often it is asked. */
export function retryUnlessChanged(failures: number, error: Error): boolean {
  return failures < 1 && !(error instanceof ListChangedError)
}

/**
 * Loads ahead what the reader may want next (a whole index, every card), `width` files at a time: the
 * browser opens six connections to a host over HTTP/1.1, and seventy files asked for at once on a
 * pause filled them, so the next keystroke's own file waited behind them (at 10,000 posts the first
 * letter typed after a pause took 175-320 ms).
 */
export function loadInBackground<T>(items: readonly T[], load: (item: T) => Promise<unknown>, width = 2): void {
  let next = 0
  const more = (): void => {
    if (next < items.length) void load(items[next++]!).finally(more)
  }
  for (let started = 0; started < width; started += 1) more()
}
