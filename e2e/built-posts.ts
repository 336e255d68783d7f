/**
 * What a built site says about its posts, read the way the app reads it: the list's catalog (every
 * published post, list order) and a post's data inlined in its page. The build writes no whole index.
 */
import type { CatalogFile } from '../src/shared/list-data.ts'
import type { PostData } from '../src/shared/post-data.ts'
import { DOMParser } from 'linkedom'
import { postDataFromPage } from '../src/shared/api/post-page-data.ts'

export interface BuiltPost {
  slug: string
  title: string
  date: string | null
  externalUrl: string | undefined
}

/** `read(path)` gives a built file's text, by its path under the site's folder. */
export async function builtPosts(read: (path: string) => string | Promise<string>): Promise<BuiltPost[]> {
  const catalog = JSON.parse(await read('data/list/catalog.json')) as CatalogFile
  return catalog.slug.map((slug, position) => ({
    slug,
    title: catalog.title[position]!,
    date: catalog.date[position] ?? null,
    externalUrl: catalog.externalUrl?.[position],
  }))
}

export async function builtPostData(read: (path: string) => string | Promise<string>, slug: string): Promise<PostData> {
  // The body is read back from the page's article, as the app does (linkedom stands in for the browser's DOMParser).
  const data = postDataFromPage(await read(`blog/${slug}/index.html`), slug, (html) => new DOMParser().parseFromString(html, 'text/html') as unknown as ParentNode)
  if (!data) throw new Error(`blog/${slug}/index.html carries no data of the post ${slug}`)
  return data
}
