/** Where the content pipeline puts the app's data, relative to the base path; both sides use these. */
export const DATA_FOLDER = 'data'
/** The dev server's event when a post file was added, edited or removed. */
export const POSTS_CHANGED_EVENT = 'posts:changed'
/** The id of the JSON script element in which a prerendered page carries its data to the app. */
export const PRERENDER_DATA_ID = 'prerendered-data'

/** The files that find a post from a URL other than its `/blog/<slug>/` (see PermalinkTable). */
export const routeFiles = { permalinks: 'permalinks.json', slugs: 'slugs.json' } as const

export function permalinksUrl(basePath: string): string {
  return `${basePath}${DATA_FOLDER}/${routeFiles.permalinks}`
}

export function slugsUrl(basePath: string): string {
  return `${basePath}${DATA_FOLDER}/${routeFiles.slugs}`
}

export function postUrl(basePath: string, slug: string): string {
  return `${basePath}${DATA_FOLDER}/posts/${encodeURIComponent(slug)}.json`
}
