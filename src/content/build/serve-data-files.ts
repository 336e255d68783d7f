/**
 * The dev server's data files: the list's, the search's and the route tables' files of the current
 * posts, and each post's data as `data/posts/<slug>.json`, made from the collection in memory when first
 * asked for (a build writes them into `dist/` or inlines them in the posts' pages instead).
 */
import type { Connect } from 'vite'
import { archiveDataFiles, postDataJson, routeDataFiles, type Collection } from '../site/collection.ts'
import { DATA_FOLDER } from '../../shared/data-paths.ts'
import { buildListData, listDataFiles, searchFilesOf } from '../emit/list-data.ts'
import { LIST_FOLDER, SEARCH_FOLDER } from '../../shared/list-data.ts'

export interface DataFilesOptions {
  base: string
  /** Read at each request: the dev server makes a new collection whenever a post changes; null before the first. */
  collection: () => Collection | null
}

export function serveDataFiles(options: DataFilesOptions): Connect.NextHandleFunction {
  // Made once per collection, when first asked for.
  const madeFiles = new WeakMap<Collection, { list?: Map<string, string>; search?: Map<string, string>; routes?: Map<string, string> }>()
  const collectionFile = (current: Collection, name: string): string | undefined => {
    const made = madeFiles.get(current) ?? {}
    madeFiles.set(current, made)
    // buildListData is made once per list of posts (list-data.ts): both kinds of file share it.
    if (name.startsWith(`${SEARCH_FOLDER}/`)) return (made.search ??= searchFilesOf(current, buildListData(current.index.posts))).get(name)
    if (name.startsWith(`${LIST_FOLDER}/`)) return (made.list ??= listDataFiles(buildListData(current.index.posts))).get(name)
    return (made.routes ??= new Map([...routeDataFiles(current), ...archiveDataFiles(current)])).get(name)
  }
  const prefix = `${options.base}${DATA_FOLDER}/`
  return (request, response, next) => {
    const url = request.url?.split('?')[0] ?? ''
    const collection = options.collection()
    if (!url.startsWith(prefix) || !collection) return next()
    let name: string
    try {
      name = decodeURIComponent(url.slice(prefix.length))
    } catch {
      // `%` without two hex digits after it names no data file.
      response.statusCode = 404
      response.end('Not found')
      return
    }
    // A list, search or route file, or a post's data (`posts/<slug>.json`).
    const slug = /^posts\/(.+)\.json$/.exec(name)?.[1]
    const post = slug ? collection.posts.get(slug) : undefined
    const text = collectionFile(collection, name) ?? (post ? postDataJson(post) : undefined)
    if (text === undefined) {
      response.statusCode = 404
      response.end('Not found')
      return
    }
    response.setHeader('Content-Type', 'application/json; charset=utf-8')
    response.setHeader('Cache-Control', 'no-store')
    response.end(text)
  }
}
