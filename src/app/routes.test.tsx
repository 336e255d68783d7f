/**
 * What a route loads before it renders (the data its page reads, with the page's code), and the
 * pages the routes render, as the prerenderer and the browser's first render see them. (The error
 * page needs a browser: a server render has no error boundaries.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderToString } from 'react-dom/server'
import { StaticRouter } from 'react-router'
import type { Root } from 'hast'
import { createQueryClient } from './query-client.ts'
import { AppRoutes, createRoutes } from './routes.tsx'
import { AppProviders } from './app.tsx'
import { postKeys } from '../shared/api/post-queries.ts'
import type { PostData, PostIndex, PostSummary } from '../shared/post-data.ts'
import { listFiles, listKeys, type ListHead, type ListPost, type ListViewPage } from '../shared/list-data.ts'

const summary = (slug: string, title: string): PostSummary => ({
  slug,
  title,
  date: '2024-01-02',
  tags: [{ name: 'Leadership', key: 'leadership' }],
  excerpt: `About ${title}`,
  wordCount: 3,
  readingMinutes: 1,
  style: null,
  color: null,
  externalUrl: null,
  image: null,
  comments: false,
  permalink: null,
})
const body: Root = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'Hello readers.' }] }] }
const post: PostData = { summary: summary('Peer-Focus', 'Peer focus'), body, toc: [], newer: null, older: null, related: [] }
const index: PostIndex = { posts: [post.summary, summary('other', 'Other post')] }

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } })

/** The list's files, as the build writes them for this index: its head, and the first page of each view. */
const toListPost = ({ slug, title, date, tags, readingMinutes, style, color, externalUrl, permalink, excerpt }: PostSummary): ListPost => ({
  slug,
  title,
  date,
  tags,
  readingMinutes,
  style,
  color,
  externalUrl,
  permalink,
  excerpt,
})
const head: ListHead = { v: 'v1', total: 2, tags: [{ tag: { name: 'Leadership', key: 'leadership' }, count: 2 }] }
const firstPage: ListViewPage = { v: 'v1', total: 2, counts: [2], posts: index.posts.map(toListPost) }
const listData = new Map([
  [listFiles.head, JSON.stringify(head)],
  [listFiles.view({ kind: 'all' }, 1), JSON.stringify(firstPage)],
  [listFiles.view({ kind: 'tag', key: 'leadership' }, 1), JSON.stringify(firstPage)],
])

/**
 * A data server with the slug and permalink tables, one post, the list's files and a failing search index; it records
 * what was asked (without the version query list files carry).
 */
function serveData() {
  const requested: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const path = input.split('?')[0]!
      requested.push(path)
      if (path === '/data/slugs.json') return json(index.posts.map((each) => each.slug))
      if (path === '/data/permalinks.json') return json([['/2019/02/peer-focus', 'Peer-Focus']])
      if (path === '/data/posts/Peer-Focus.json') return json(post)
      if (path.startsWith('/data/search/')) return new Response('{}', { status: 500 })
      const file = listData.get(path.slice('/data/'.length))
      return file === undefined ? json(null, 404) : new Response(file, { headers: { 'content-type': 'application/json' } })
    }),
  )
  return requested
}

afterEach(() => vi.unstubAllGlobals())

/** The app's query client, without its one retry of a failed fetch (these tests count fetches). */
function queryClient() {
  const client = createQueryClient()
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } })
  return client
}

describe('preload', () => {
  const url = (path: string) => new URL(path, 'http://blog.example')

  it('loads a post page with its post only', async () => {
    const requested = serveData()
    const client = queryClient()
    await createRoutes(client).preload(url('/blog/Peer-Focus/'))
    expect(requested).toEqual(['/data/posts/Peer-Focus.json'])
    expect(client.getQueryData(postKeys.detail('Peer-Focus'))).toEqual(post)
  })

  it('finds a post whose link differs in case through the table of slugs', async () => {
    const requested = serveData()
    await createRoutes(queryClient()).preload(url('/blog/peer-focus/quote/q-abc/'))
    expect(requested).toEqual(['/data/posts/peer-focus.json', '/data/slugs.json', '/data/posts/Peer-Focus.json'])
  })

  it('finds a post at its own permalink through the table of permalinks, and nothing at another path', async () => {
    const requested = serveData()
    const routes = createRoutes(queryClient(), '/my-blog')
    await routes.preload(url('/my-blog/2019/02/peer-focus.html'))
    expect(requested).toEqual(['/data/permalinks.json', '/data/posts/Peer-Focus.json'])
    await routes.preload(url('/my-blog/2019/03/gone/'))
    expect(requested.slice(2)).toEqual(['/data/permalinks.json'])
  })

  it('loads the list head for the tags page, one page for a list page, and every post’s tags and the first search index for a search link', async () => {
    const requested = serveData()
    const routes = createRoutes(queryClient())
    await routes.preload(url('/blog/tags/'))
    expect(requested).toEqual([`/data/${listFiles.head}`])
    await routes.preload(url('/blog/tags/leadership/'))
    expect(requested.slice(1)).toEqual([`/data/${listFiles.view({ kind: 'tag', key: 'leadership' }, 1)}`])
    // A failed search index is the page's to report: preloading does not fail.
    await routes.preload(url('/?tags=leadership&q=peers'))
    expect(requested.slice(2)).toEqual(expect.arrayContaining([`/data/${listFiles.postTags}`, `/data/${listFiles.searchDocs('first')}`]))
    expect(requested).not.toContain(`/data/${listFiles.catalog}`)
    expect(requested).not.toContain('/data/slugs.json')
    expect(requested).not.toContain('/data/permalinks.json')
  })

  it('loads nothing again that the prerendered page brought', async () => {
    const requested = serveData()
    const client = queryClient()
    // What the prerendered list page inlines: the list's head and its first page.
    client.setQueryData(listKeys.head(), head)
    client.setQueryData(listKeys.view(head.v, { kind: 'all' }, 1), firstPage)
    await createRoutes(client, '/my-blog').preload(url('/my-blog/'))
    expect(requested).toEqual([])
  })
})

describe('the routes', () => {
  async function render(path: string, basename = '/') {
    serveData()
    const client = queryClient()
    const routes = createRoutes(client, basename)
    await routes.preload(new URL(path, 'http://blog.example'))
    // Everything is loaded: the first render is the whole page, as hydration needs.
    const html = renderToString(
      <AppProviders queryClient={client}>
        <StaticRouter location={path} basename={basename}>
          <AppRoutes routes={routes.routes} />
        </StaticRouter>
      </AppProviders>,
    )
    return html.replaceAll('<!-- -->', '')
  }

  it('render a post with its body inside the site frame', async () => {
    const html = await render('/blog/Peer-Focus/')
    expect(html).toContain('<a class="skip-link" href="#main">')
    expect(html).toContain('<h1 tabindex="-1" class="page-heading" data-page-heading="">Peer focus</h1>')
    expect(html).toContain('<div class="post-body"><p>Hello readers.</p></div>')
  })

  it('render the list under a sub-path, with links that carry it', async () => {
    const html = await render('/my-blog/', '/my-blog')
    expect(html).toContain('All posts')
    expect(html).toContain('href="/my-blog/blog/Peer-Focus/"')
  })

  it('say "Post not found" for an unknown slug and "Page not found" for an unknown path', async () => {
    expect(await render('/blog/no-such-post/')).toContain('Post not found</h1>')
    expect(await render('/no/such/page')).toContain('Page not found</h1>')
  })

  it('render a post at its own permalink', async () => {
    expect(await render('/2019/02/peer-focus/')).toContain('Peer focus</h1>')
  })
})
