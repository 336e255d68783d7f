/** Where the content pipeline puts the app's data, relative to the base path; both sides use these. */
export const DATA_FOLDER = 'data'
/** The dev server's event when a post file was added, edited or removed. */
export const POSTS_CHANGED_EVENT = 'posts:changed'
/** The id of the JSON script element in which a prerendered page carries its data to the app. */
export const PRERENDER_DATA_ID = 'prerendered-data'

export function indexUrl(basePath: string): string {
  return `${basePath}${DATA_FOLDER}/index.json`
}

export function postUrl(basePath: string, slug: string): string {
  return `${basePath}${DATA_FOLDER}/posts/${encodeURIComponent(slug)}.json`
}
