import { afterEach, describe, expect, it, vi } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { listKeys, type ListHead, type ListPost } from '../list-data.ts'
import { NO_FILTER } from '../list-filter.ts'
import { firstHitsQuery, firstPageQuery, firstPageWordNow, prefetchSearch } from './search-query.ts'
import { searchBaseQuery } from './search-code.ts'
import { cachedCards, computeListView, listViewReady, loadEveryCardOnPause, viewPlan } from './list-queries.ts'

const head: ListHead = {
  v: 'v1',
  total: 45,
  tags: [
    { tag: { key: 'alpha', name: 'Alpha' }, count: 30 },
    { tag: { key: 'beta', name: 'Beta' }, count: 15 },
  ],
}

describe('how a view is loaded', () => {
  it('reads the unfiltered list and one tag from their page files, while the pages exist', () => {
    expect(viewPlan(head, { filter: NO_FILTER, page: 3 })).toEqual({ source: { kind: 'all' }, total: 45, exists: true })
    expect(viewPlan(head, { filter: NO_FILTER, page: 4 })).toMatchObject({ exists: false })
    // `/page/0/` and `?page=-5` parse as page 0, which has no file to fetch.
    expect(viewPlan(head, { filter: NO_FILTER, page: 0 })).toMatchObject({ exists: false })
    expect(viewPlan(head, { filter: { ...NO_FILTER, tags: ['alpha'] }, page: 2 })).toEqual({ source: { kind: 'tag', key: 'alpha' }, total: 30, exists: true })
    // No post has the tag: nothing to load, the view is empty.
    expect(viewPlan(head, { filter: { ...NO_FILTER, tags: ['gamma'] }, page: 1 })).toMatchObject({ total: 0, exists: false })
    // Several tags, or a search: computed from the catalog.
    expect(viewPlan(head, { filter: { ...NO_FILTER, tags: ['alpha', 'beta'] }, page: 1 })).toBeNull()
    expect(viewPlan(head, { filter: { ...NO_FILTER, q: 'peers' }, page: 1 })).toBeNull()
  })

  it('knows when a view has all it needs already, so the route has nothing to load', async () => {
    const client = new QueryClient()
    const twoTags = { filter: { ...NO_FILTER, tags: ['alpha', 'beta'] }, page: 1 }
    expect(listViewReady(client, { filter: NO_FILTER, page: 1 })).toBe(false)
    client.setQueryData(listKeys.head(), head)
    expect(listViewReady(client, { filter: NO_FILTER, page: 1 })).toBe(false)
    client.setQueryData(listKeys.view('v1', { kind: 'all' }, 1), { v: 'v1', total: 45, counts: [30, 15], posts: [] })
    expect(listViewReady(client, { filter: NO_FILTER, page: 1 })).toBe(true)
    expect(listViewReady(client, { filter: NO_FILTER, page: 2 })).toBe(false)
    expect(listViewReady(client, twoTags)).toBe(false)
    // Every post's tags: post 0 has alpha, 1 beta, 2 both (list positions 0-44, in chunks of 20).
    const tags = Array.from({ length: 45 }, (_, position) => (position % 3 === 2 ? [0, 1] : [position % 3]))
    client.setQueryData(listKeys.postTags('v1'), { tags, view: await import('../list-view.ts') })
    // The view's first page shows posts 0-19: their cards are still to load.
    expect(listViewReady(client, twoTags)).toBe(false)
    client.setQueryData(listKeys.cards('v1', 0), { v: 'v1', cards: Array.from({ length: 20 }, (_, position) => ({ slug: `post-${position}` })) })
    expect(listViewReady(client, twoTags)).toBe(true)
    // Its third page, posts 40-44, needs the third chunk.
    expect(listViewReady(client, { ...twoTags, page: 3 })).toBe(false)
    expect(listViewReady(client, { ...twoTags, filter: { ...twoTags.filter, q: 'peers' } })).toBe(false)
  })

  it('takes a short word’s first page of cards from its one file, and the chunks for the rest', async () => {
    const client = new QueryClient()
    const engine = await import('./search-engine.ts')
    client.setQueryData(listKeys.head(), head)
    const tags = Array.from({ length: 45 }, (_, position) => [position % 2])
    client.setQueryData(listKeys.postTags('v1'), { tags, view: await import('../list-view.ts') })
    // The search code and the first index's docs are loaded; "pe" has a first page file, "peer" none.
    const docs = { v: 'v1', index: 'first' as const, count: 45, average: [1, 1, 1], lengths: Array(135).fill(1), shards: ['p'], shardsGzipBytes: 1, pages: ['p', 'pe'] }
    client.setQueryData(searchBaseQuery('v1', 'first').queryKey, { engine, base: engine.prepareDocs(docs) })
    // The query's hits: posts 44, 3 and 25 (three chunks), best first.
    const hits = { ranked: Int32Array.from([44, 3, 25]), score: () => 1, terms: () => ['peers'] }
    for (const q of ['pe', 'peer']) client.setQueryData(firstHitsQuery('v1', q).queryKey, hits)
    const search = (q: string, page = 1) => ({ filter: { ...NO_FILTER, q }, page })
    expect(listViewReady(client, search('pe'))).toBe(false)
    const card = (position: number) => ({ slug: `post-${position}` }) as ListPost
    client.setQueryData(firstPageQuery('v1', 'pe').queryKey, new Map([44, 3, 25].map((position) => [position, card(position)])))
    expect(listViewReady(client, search('pe'))).toBe(true)
    expect(cachedCards(client, 'v1', [44, 3, 25])).toEqual([card(44), card(3), card(25)])
    // A longer word, without a file of its own, finds the cards "pe" brought, and its others in their chunks.
    expect(listViewReady(client, search('peer'))).toBe(true)
    expect(cachedCards(client, 'v1', [44, 3, 7])).toEqual([card(44), card(3), undefined])
    client.setQueryData(listKeys.cards('v1', 0), { v: 'v1', cards: Array.from({ length: 20 }, (_, position) => card(position)) })
    expect(cachedCards(client, 'v1', [44, 3, 7])).toEqual([card(44), card(3), card(7)])
    // Another deploy's files are another version's: none of their cards.
    expect(cachedCards(client, 'v2', [44])).toEqual([undefined])
    // Once the search code is loaded (on the field's first focus), a keystroke knows which words have a file.
    expect(firstPageWordNow(client, 'v1', 'pe')).toBeNull()
    prefetchSearch(client, 'v1')
    await vi.waitFor(() => expect(firstPageWordNow(client, 'v1', 'pe')).toBe('pe'))
    expect(firstPageWordNow(client, 'v1', 'peer')).toBeNull()
  })

  it('gives the same view for the same filter and a new one when the filter changes', async () => {
    const view = await import('../list-view.ts')
    const postTags = { tags: Array.from({ length: 45 }, (_, position) => (position % 3 === 2 ? [0, 1] : [position % 3])), view }
    const any = computeListView(postTags, head, { ...NO_FILTER, tags: ['alpha', 'beta'] }, undefined)
    expect(any.matches).toHaveLength(45)
    // The route's readiness check and the page's render ask for the same view: computed once.
    expect(computeListView(postTags, head, { ...NO_FILTER, tags: ['alpha', 'beta'] }, undefined)).toBe(any)
    const all = computeListView(postTags, head, { ...NO_FILTER, tags: ['alpha', 'beta'], match: 'all' }, undefined)
    expect(all.matches).toEqual(Array.from({ length: 15 }, (_, index) => index * 3 + 2))
    expect(computeListView(postTags, head, { ...NO_FILTER, tags: ['alpha'] }, undefined).matches).toHaveLength(30)
  })
})

describe('every card of a small list, once the reader pauses', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  /** The card files asked for, by chunk, with requests answered at once. */
  function fetched(): string[] {
    const urls: string[] = []
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(String(url))
      return new Response(JSON.stringify({ v: 'x', cards: [] }), { headers: { 'Content-Type': 'application/json' } })
    })
    // The page is idle at once (afterPaint waits for an idle period).
    vi.stubGlobal('requestIdleCallback', (task: () => void) => setTimeout(task, 0))
    vi.stubGlobal('cancelIdleCallback', (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle))
    return urls
  }

  it('loads each chunk once the views stop changing for half a second, and only once a deploy', async () => {
    vi.useFakeTimers()
    const urls = fetched()
    const client = new QueryClient()
    const list = { ...head, v: 'small', total: 1000 }
    loadEveryCardOnPause(client, list)
    await vi.advanceTimersByTimeAsync(300)
    // Another keystroke: the pause starts again.
    loadEveryCardOnPause(client, list)
    await vi.advanceTimersByTimeAsync(300)
    expect(urls).toEqual([])
    await vi.advanceTimersByTimeAsync(2600)
    const chunks = urls.map((url) => url.match(/list\/cards\/(\d+)\.json/)?.[1]).map(Number)
    expect(chunks.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, chunk) => chunk))
    loadEveryCardOnPause(client, list)
    await vi.advanceTimersByTimeAsync(3000)
    expect(urls).toHaveLength(50)
  })

  it('loads them two at a time, so the file a keystroke asks for meanwhile does not wait behind them', async () => {
    vi.useFakeTimers()
    fetched()
    let open = 0
    let most = 0
    const asked: number[] = []
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(Number(String(url).match(/list\/cards\/(\d+)\.json/)?.[1]))
      most = Math.max(most, (open += 1))
      await new Promise((resolve) => setTimeout(resolve, 10))
      open -= 1
      return new Response(JSON.stringify({ v: 'paced', cards: [] }), { headers: { 'Content-Type': 'application/json' } })
    })
    loadEveryCardOnPause(new QueryClient(), { ...head, v: 'paced', total: 200 })
    await vi.advanceTimersByTimeAsync(500 + 5)
    expect(asked).toEqual([0, 1])
    await vi.advanceTimersByTimeAsync(10)
    expect(asked).toEqual([0, 1, 2, 3])
    await vi.advanceTimersByTimeAsync(100)
    expect(asked).toEqual(Array.from({ length: 10 }, (_, chunk) => chunk))
    expect(most).toBe(2)
  })

  it('leaves a large list to load the chunks its views show', async () => {
    vi.useFakeTimers()
    const urls = fetched()
    loadEveryCardOnPause(new QueryClient(), { ...head, v: 'large', total: 10_000 })
    await vi.advanceTimersByTimeAsync(5000)
    expect(urls).toEqual([])
  })
})
