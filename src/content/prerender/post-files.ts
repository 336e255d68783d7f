/**
 * The files one post writes under `dist/`, named in one place for the writers (prerender.ts for the pages,
 * post-cards.ts for the cards, in a build worker) and for the claims made before any is written (output-plan.ts): its page (its data is inlined
 * there: no data file), its card, a page and a card per block quote, and a page per highlight unless the
 * site turns highlight pages off (`highlightPages`); a highlight's page uses its post's card.
 */
import type { Passage } from '../post/stored-post.ts'
import { isSafeSegment, routeFile } from './output-paths.ts'

export interface PostFiles {
  /** Null for a post that only links elsewhere. */
  page: string | null
  /** Null for a post with an `image` of its own. */
  card: string | null
  /** `card` is null for a highlight. */
  passages: Array<{ passage: Passage; page: string; card: string | null }>
}

export function postFiles(slug: string, passages: Passage[], has: { page: boolean; card: boolean; highlightPages: boolean }): PostFiles {
  if (!has.page) return { page: null, card: null, passages: [] }
  return {
    page: routeFile(`/blog/${slug}/`),
    card: has.card ? postCardFile(slug) : null,
    // An author's own id that is no file name (`{:#../x}`) keeps its anchor but gets no page (see
    // rehype-passage-ids, which warns).
    passages: passages
      .filter((passage) => isSafeSegment(passage.id) && (passage.kind === 'quote' || has.highlightPages))
      .map((passage) => ({
        passage,
        page: routeFile(`/blog/${slug}/quote/${passage.id}/`),
        card: passage.kind === 'quote' ? passageCardFile(slug, passage.id) : null,
      })),
  }
}

export function postCardFile(slug: string): string {
  return `cards/${slug}.png`
}

export function passageCardFile(slug: string, id: string): string {
  return `cards/${slug}/${id}.png`
}
