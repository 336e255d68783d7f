/**
 * One view of the list (a filter and a page), computed over every post: which posts it keeps and how
 * many each tag toggle would give. The build runs it for the views it writes as files (the unfiltered
 * list, each tag), the browser for the rest, over the catalog: the same code, so a prerendered page and
 * the page the browser computes agree.
 *
 * Posts are numbers (their position in the list) and tags are numbers (their place in the head's tag
 * list), precomputed at build time: a tag click or a keystroke at 10,000 posts is one pass over small
 * integer arrays, with no string compares, and only one page of cards is rendered.
 */
import type { CatalogFile, ListHead, ListPost } from './list-data.ts'
import { CARD_COLORS, type CardColor, type CardStyle, type Tag } from './post-data.ts'
import type { ListFilter, TagMatch } from './list-filter.ts'
import type { FormattedText } from './formatted-text.ts'

export interface ViewResult {
  /** The posts the view keeps, in its order (list order, or search rank). */
  matches: number[]
  /** By tag number: the number of posts the view would have if that tag were toggled. */
  counts: number[]
  /** By tag number: how many of the candidates (every post, or a search's hits) carry the tag. */
  carrying: number[]
}

/**
 * `candidates` are the posts before tags narrow them (all, in list order; or a search's hits, ranked).
 * `selected` are the chosen tags' numbers; -1 stands for a tag no post has (it still narrows).
 * One pass: for each candidate, how many chosen tags it has tells which toggles it would survive.
 */
export function computeView(postTags: readonly (readonly number[])[], candidates: ArrayLike<number> & Iterable<number>, selected: readonly number[], match: TagMatch, tagCount: number): ViewResult {
  const chosen = new Uint8Array(tagCount)
  for (const id of selected) if (id >= 0) chosen[id] = 1
  const size = selected.length
  const matches: number[] = []
  // any: `zeroHas[t]` candidates with no chosen tag that have t; `only[t]` candidates whose one chosen tag is t.
  // all: `zeroHas[t]` candidates with every chosen tag that have t; `only[t]` candidates missing only t.
  const zeroHas = new Int32Array(tagCount)
  const only = new Int32Array(tagCount)
  const carrying = new Array<number>(tagCount).fill(0)
  let inAny = 0
  for (const position of candidates) {
    const tags = postTags[position]!
    for (const tag of tags) carrying[tag]! += 1
    let have = 0
    let last = -1
    for (const tag of tags) {
      if (chosen[tag]) {
        have += 1
        last = tag
      }
    }
    if (match === 'any') {
      if (size === 0 || have > 0) matches.push(position)
      if (have > 0) inAny += 1
      if (have === 0) for (const tag of tags) zeroHas[tag]! += 1
      else if (have === 1) only[last]! += 1
    } else if (have === size) {
      matches.push(position)
      for (const tag of tags) zeroHas[tag]! += 1
    } else if (have === size - 1) {
      const missing = selected.find((id) => id >= 0 && !tags.includes(id))
      if (missing !== undefined) only[missing]! += 1
    }
  }
  const counts = Array.from({ length: tagCount }, (_, tag) => {
    if (match === 'all') return chosen[tag] ? matches.length + only[tag]! : zeroHas[tag]!
    if (!chosen[tag]) return inAny + zeroHas[tag]!
    // Taking out the only chosen tag leaves no filter: every candidate.
    return size === 1 ? candidates.length : inAny - only[tag]!
  })
  return { matches, counts, carrying }
}

let lastView: { postTags: unknown; candidates: unknown; selected: string; match: TagMatch; result: ViewResult } | undefined

/**
 * `computeView` over `candidates` (every post when there are none), the last view kept: the route's
 * readiness check and the page's render of the same keystroke compute it once (at 10,000 posts it walks
 * every post's tags).
 */
export function computeViewOnce(postTags: readonly (readonly number[])[], candidates: Int32Array | undefined, selected: number[], match: TagMatch, tagCount: number): ViewResult {
  const last = lastView
  if (last?.postTags === postTags && last.candidates === candidates && last.selected === selected.join() && last.match === match) return last.result
  const result = computeView(postTags, candidates ?? Array.from(postTags.keys()), selected, match, tagCount)
  lastView = { postTags, candidates, selected: selected.join(), match, result }
  return result
}

/** The chosen tags' numbers (-1 for a key no post has). */
export function selectedTagIds(head: ListHead, filter: ListFilter): number[] {
  return filter.tags.map((key) => head.tags.findIndex((entry) => entry.tag.key === key))
}

const STYLES: Array<CardStyle | null> = [null, 'fill', 'border']
const COLORS: Array<CardColor | null> = [null, ...CARD_COLORS]

export function encodeLook(style: CardStyle | null, color: CardColor | null): number {
  return STYLES.indexOf(style) * COLORS.length + COLORS.indexOf(color)
}

export function decodeLook(look: number): { style: CardStyle | null; color: CardColor | null } {
  return { style: STYLES[Math.floor(look / COLORS.length)] ?? null, color: COLORS[look % COLORS.length] ?? null }
}

/** A card of the catalog; its excerpt comes from elsewhere (null while loading). */
export function catalogPost(catalog: CatalogFile, head: ListHead, position: number, excerpt: FormattedText | null): ListPost {
  const names = catalog.names?.[position]
  const tags: Tag[] = catalog.tags[position]!.map((id, index) => ({ key: head.tags[id]!.tag.key, name: names?.[index] ?? head.tags[id]!.tag.name }))
  const post: ListPost = {
    slug: catalog.slug[position]!,
    title: catalog.title[position]!,
    date: catalog.date[position] ?? null,
    tags,
    readingMinutes: catalog.minutes[position]!,
    ...decodeLook(catalog.look[position]!),
    externalUrl: catalog.externalUrl?.[position] ?? null,
    permalink: catalog.permalink?.[position] ?? null,
    excerpt,
  }
  const error = catalog.error?.[position]
  if (error !== undefined) post.error = error
  return post
}
