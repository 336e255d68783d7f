/**
 * The list page's data for one view: the page of cards to show, the view's size, and what each tag
 * toggle would give. The route loader has already loaded what the view needs (list-queries.ts), so
 * this reads the cache and computes; only the excerpts of a computed view's cards may arrive later (when
 * the file of every excerpt is not loaded yet).
 */
import { useMemo } from 'react'
import { keepPreviousData, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { catalogQuery, listHeadQuery, listViewQuery, pageExcerptsQuery, viewPlan } from '../../shared/api/list-queries.ts'
import { searchHitsQuery } from '../../shared/api/search-query.ts'
import { pageCount, PAGE_SIZE, type ListHead, type ListPost } from '../../shared/list-data.ts'
import type { ListLocation } from '../../shared/list-filter.ts'

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

export function useListView({ filter, page }: ListLocation): ListView {
  const queryClient = useQueryClient()
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
  const catalog = useQuery({ ...catalogQuery(head.v), enabled: plan === null, throwOnError: true })
  const search = useQuery({ ...searchHitsQuery(head.v, filter.q), enabled: plan === null && filter.q !== '', placeholderData: keepPreviousData })
  const hits = filter.q && search.data && !search.isPlaceholderData ? search.data : null
  const tagKeys = filter.tags.join(',')

  const computed = useMemo(() => {
    if (plan !== null || !catalog.data || (filter.q && !hits)) return null
    const { file, view } = catalog.data
    const candidates = hits ? hits.ranked : everyPosition(file.slug.length)
    return view.computeView(file.tags, candidates, view.selectedTagIds(head, filter), filter.match, head.tags.length)
    // `filter` is a new object on every render: it is read through its parts.
  }, [plan === null, catalog.data, hits, head, tagKeys, filter.match, filter.q])

  const onPage = useMemo(() => (computed ? computed.matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) : []), [computed, page])
  const shards = [...new Set(onPage.map((position) => Math.floor(position / PAGE_SIZE)))]
  const excerpts = useQuery({ ...pageExcerptsQuery(queryClient, head.v, shards), enabled: shards.length > 0 }).data

  // Cards keep their identity while they do not change, so a re-render (the controls of a pending
  // filter, an excerpt arriving) renders only what changed.
  const headCounts = useMemo(() => head.tags.map((entry) => entry.count), [head])
  const staticData = plan?.exists ? staticView.data : undefined
  const staticCards = useMemo(() => (staticData?.posts ?? []).map((post) => ({ post, terms: NO_TERMS })), [staticData])
  const computedCards = useMemo(() => {
    if (!catalog.data) return []
    const { file, view } = catalog.data
    const cache = cardCache(file)
    return onPage.map((position) => {
      const excerpt = excerpts?.get(Math.floor(position / PAGE_SIZE))?.[position % PAGE_SIZE] ?? null
      let card = cache.get(position)
      if (!card || card.excerpt !== excerpt) cache.set(position, (card = view.catalogPost(file, head, position, excerpt)))
      return { post: card, terms: hits?.terms(position) ?? NO_TERMS }
    })
  }, [catalog.data, head, onPage, hits, excerpts])

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
  const status: ListStatus =
    filter.q && search.isError ? 'search-failed' : filter.q && !hits ? 'searching' : !computed ? 'loading' : page < 1 || (page > pageCount(computed.matches.length)) ? 'no-page' : 'ready'
  return {
    head,
    status,
    total: computed?.matches.length ?? 0,
    counts: computed?.counts ?? headCounts,
    carrying: computed?.carrying ?? headCounts,
    pages: pageCount(computed?.matches.length ?? 0),
    cards: computedCards,
  }
}

const cards = new WeakMap<object, Map<number, ListPost>>()

function cardCache(catalog: object): Map<number, ListPost> {
  let cache = cards.get(catalog)
  if (!cache) cards.set(catalog, (cache = new Map()))
  return cache
}

let every: number[] = []

function everyPosition(count: number): number[] {
  if (every.length !== count) every = Array.from({ length: count }, (_, position) => position)
  return every
}
