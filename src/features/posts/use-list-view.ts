/**
 * The list page's data for one view: the page of cards to show, the view's size, and what each tag
 * toggle would give. The route loader has already loaded what the view needs (list-queries.ts), so
 * this reads the cache and computes; only a search's refined results (its body matches) arrive later,
 * and are shown once the cards they add are loaded.
 */
import { useEffect, useMemo, useRef } from 'react'
import { keepPreviousData, useQueries, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { cachedCards, cardChunks, cardsQuery, computeListView, listHeadQuery, loadEveryCardOnPause, listViewQuery, postTagsQuery, shownHits, viewPlan } from '../../shared/api/list-queries.ts'
import { firstHitsQuery, firstPageQuery, firstPageWordNow, searchHitsQuery } from '../../shared/api/search-query.ts'
import { pageCount, PAGE_SIZE, type ListHead, type ListPost } from '../../shared/list-data.ts'
import type { ListLocation } from '../../shared/list-filter.ts'
import type { ViewResult } from '../../shared/list-view.ts'

export type ListStatus = 'ready' | 'loading' | 'searching' | 'search-failed' | 'no-page'

export interface ListView {
  head: ListHead
  status: ListStatus
  /** Posts in the view (all pages). */
  total: number
  /** By tag (head order): the view's size if that tag were toggled. */
  counts: number[]
  /** By tag (head order): how many posts within the search (every post without one) carry the tag. */
  carrying: number[]
  pages: number
  /** This page's cards, with the words a search matched in each. */
  cards: Array<{ post: ListPost; terms: string[] }>
}

const NO_TERMS: string[] = []

interface Computed {
  result: ViewResult
  cards: ListView['cards']
}

export function useListView({ filter, page }: ListLocation): ListView {
  const { data: head } = useSuspenseQuery(listHeadQuery())
  const plan = viewPlan(head, { filter, page })
  // A view's own data that fails (a server error, a newer deploy) is the page's error: the route's error
  // boundary shows it, with a way to try again.
  const staticView = useQuery({
    ...listViewQuery(head.v, plan?.source ?? { kind: 'all' }, page),
    enabled: plan?.exists === true,
    placeholderData: keepPreviousData,
    throwOnError: true,
  })
  const postTags = useQuery({ ...postTagsQuery(head.v), enabled: plan === null, throwOnError: true })
  const searching = plan === null && filter.q !== ''
  const first = useQuery({ ...firstHitsQuery(head.v, filter.q), enabled: searching, placeholderData: keepPreviousData })
  const firstHits = first.data && !first.isPlaceholderData ? first.data : undefined
  // The bodies are asked for once the first results are in: they never share the network with them.
  const full = useQuery({ ...searchHitsQuery(head.v, filter.q), enabled: searching && firstHits !== undefined })
  const hits = searching ? (shownHits(firstHits, full.data) ?? null) : null
  const tagKeys = filter.tags.join(',')

  const result = useMemo(() => {
    if (plan !== null || !postTags.data || (filter.q && !hits)) return null
    return computeListView(postTags.data, head, filter, hits ?? undefined)
    // `filter` is a new object on every render: it is read through its parts.
  }, [plan === null, postTags.data, hits, head, tagKeys, filter.match, filter.q])

  const onPage = useMemo(() => (result ? result.matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) : []), [result, page])
  // The page's cards are read from the cache: the route shows a view once they are loaded, so a
  // keystroke finds them there. Only missing ones (refined results moving to posts not loaded yet) are
  // observed, to load them and render again once they are in: observing every chunk of the page made
  // each keystroke create a query observer per chunk and render the whole page twice before its paint.
  // A short word's first page comes in one file (first-pages.ts), which the route loads beside the
  // hits: it is observed instead, and its chunks are not asked for while it loads.
  const queryClient = useQueryClient()
  const pageCards = cachedCards(queryClient, head.v, onPage)
  const complete = pageCards.every((card) => card !== undefined)
  const pageWord = complete || page !== 1 ? null : firstPageWordNow(queryClient, head.v, filter.q)
  const firstPage = useQuery({ ...firstPageQuery(head.v, pageWord ?? ''), enabled: pageWord !== null })
  const missing = complete || (pageWord !== null && firstPage.isPending) ? [] : cardChunks(onPage.filter((_, index) => pageCards[index] === undefined))
  useQueries({ queries: missing.map((chunk) => cardsQuery(head.v, chunk)) })

  // Cards keep their identity while they do not change, so a re-render (the controls of a pending
  // filter, refined search results) renders only what changed.
  const headCounts = useMemo(() => head.tags.map((entry) => entry.count), [head])
  const staticData = plan?.exists ? staticView.data : undefined
  const staticCards = useMemo(() => (staticData?.posts ?? []).map((post) => ({ post, terms: NO_TERMS })), [staticData])
  // While the cards of a new view (refined search results moving to a page of new cards) load, the view
  // shown stays whole: its count, its cards and its tag counts change together, once.
  const shown = useRef<Computed | null>(null)
  const computedNow = useMemo((): Computed | null => {
    if (!result || !complete) return null
    // A card that stays from one keystroke to the next keeps its matched words' array while they are
    // the same words: its memoized PostCard is then not rendered again.
    const before = new Map(shown.current?.cards.map((card) => [card.post, card.terms]))
    const cards = onPage.map((position, index) => {
      const post = pageCards[index]!
      return { post, terms: sameWords(before.get(post), hits?.terms(position) ?? NO_TERMS) }
    })
    return { result, cards }
    // The cards are read only once all are loaded; `complete` and `onPage` say when that changes.
  }, [result, complete, onPage, hits])
  if (computedNow) shown.current = computedNow
  // A small list's every card, once the reader pauses on a computed view: later keystrokes fetch none.
  useEffect(() => {
    if (computedNow) loadEveryCardOnPause(queryClient, head)
  }, [computedNow, queryClient, head])
  const computed = computedNow ?? (result ? shown.current : null)

  if (plan) {
    const status: ListStatus = plan.exists ? (staticData ? 'ready' : 'loading') : plan.total > 0 || page < 1 ? 'no-page' : 'ready'
    return {
      head,
      status,
      total: staticData?.total ?? plan.total,
      // A tag no post has: its view is empty, and any other tag gives that tag's posts.
      counts: staticData?.counts ?? headCounts,
      // A view of the list without search: every post is a candidate.
      carrying: headCounts,
      pages: pageCount(plan.total),
      cards: staticCards,
    }
  }
  const failed = first.isError || (full.isError && !hits)
  const matches = computed?.result.matches.length ?? 0
  const status: ListStatus = filter.q && failed ? 'search-failed' : filter.q && !hits ? 'searching' : !computed ? 'loading' : page < 1 || page > pageCount(matches) ? 'no-page' : 'ready'
  return {
    head,
    status,
    total: matches,
    counts: computed?.result.counts ?? headCounts,
    carrying: computed?.result.carrying ?? headCounts,
    pages: pageCount(matches),
    cards: computed?.cards ?? [],
  }
}

/** `now`, or the array shown before when it holds the same words in the same order. */
function sameWords(before: string[] | undefined, now: string[]): string[] {
  return before && before.length === now.length && before.every((word, index) => word === now[index]) ? before : now
}
