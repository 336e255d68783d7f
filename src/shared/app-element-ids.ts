/**
 * The ids of the app's own elements. A post body shares the document with them, and
 * `getElementById` returns the first element with an id: a post's `<p id="prerendered-data">` came
 * before the page's data and was read as the page's data. The build renames any post id in this list
 * (src/content/markdown/rehype/rehype-safe-names.ts); `app-element-ids.test.ts` keeps the list whole.
 */
import { PRERENDER_DATA_ID } from './data-paths.ts'

export const APP_ELEMENT_IDS: ReadonlySet<string> = new Set([
  'root',
  'main',
  PRERENDER_DATA_ID,
  'comments-heading',
  'post-toc-heading',
  'related-heading',
  'post-search',
  'tag-filter-heading',
])
