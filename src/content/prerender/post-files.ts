/**
 * The files one post writes under `dist/`, named in one place for the writer (prerender.ts, in a build
 * worker) and for the claims made before any is written (output-plan.ts): its data file, its page, its
 * card, and a page and a card per quote or highlight.
 */
import type { Passage } from '../post/stored-post.ts'
import { DATA_FOLDER } from '../../shared/data-paths.ts'
import { postDataPath } from '../site/collection.ts'
import { isSafeSegment, routeFile } from './output-paths.ts'

export interface PostFiles {
  data: string
  /** Null for a post that only links elsewhere. */
  page: string | null
  /** Null for a post with an `image` of its own. */
  card: string | null
  passages: Array<{ passage: Passage; page: string; card: string }>
}

export function postFiles(slug: string, passages: Passage[], has: { page: boolean; card: boolean }): PostFiles {
  const data = `${DATA_FOLDER}/${postDataPath(slug)}`
  if (!has.page) return { data, page: null, card: null, passages: [] }
  return {
    data,
    page: routeFile(`/blog/${slug}/`),
    card: has.card ? postCardFile(slug) : null,
    // An author's own id that is no file name (`{:#../x}`) keeps its anchor but gets no page (see
    // rehype-passage-ids, which warns).
    passages: passages
      .filter((passage) => isSafeSegment(passage.id))
      .map((passage) => ({ passage, page: routeFile(`/blog/${slug}/quote/${passage.id}/`), card: passageCardFile(slug, passage.id) })),
  }
}

export function postCardFile(slug: string): string {
  return `cards/${slug}.png`
}

export function passageCardFile(slug: string, id: string): string {
  return `cards/${slug}/${id}.png`
}
