import { afterEach, describe, expect, it, vi } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { postQuery } from './post-queries.ts'
import { redirectPage } from '../../content/prerender/redirect-page.ts'

const post = { summary: { slug: 'peer-focus', title: 'Peers' }, body: { type: 'root', children: [] }, toc: [], newer: null, older: null, related: [] }
/** A built post page as the prerender writes it: its data inlined, every `<` escaped. */
const builtPage = (slug: string) =>
  `<!doctype html><html><body><div id="root"><h1>Peers</h1></div>\n<script type="application/json" id="prerendered-data">${JSON.stringify({
    path: `/blog/${slug}/`,
    state: { mutations: [], queries: [{ queryKey: ['posts', 'detail', slug], queryHash: '', state: { data: post, status: 'success' } }] },
  }).replace(/</g, '\\u003c')}</script></body></html>`

afterEach(() => vi.unstubAllGlobals())

describe('a post of a built site', () => {
  it('is read from its own page, the one file that has its data', async () => {
    const requested: string[] = []
    vi.stubGlobal('fetch', async (url: string) => {
      requested.push(url)
      return url === '/blog/peer-focus/' ? new Response(builtPage('peer-focus'), { headers: { 'content-type': 'text/html' } }) : new Response('Not found', { status: 404 })
    })
    expect(await new QueryClient().fetchQuery(postQuery('peer-focus', 'page'))).toEqual(post)
    expect(requested).toEqual(['/blog/peer-focus/'])
  })

  it('is null where there is no page, or the host answers with its fallback page', async () => {
    vi.stubGlobal('fetch', async (url: string) => (url === '/blog/gone/' ? new Response('Not found', { status: 404 }) : new Response(builtPage('peer-focus'))))
    expect(await new QueryClient().fetchQuery(postQuery('gone', 'page'))).toBeNull()
    expect(await new QueryClient().fetchQuery(postQuery('other', 'page'))).toBeNull()
  })

  it('follows the redirect page of a post with a permalink to the page where it lives', async () => {
    const requested: string[] = []
    vi.stubGlobal('fetch', async (url: string) => {
      requested.push(url)
      if (url === '/blog/peer-focus/') return new Response(redirectPage('/2021/10/30/peer-focus.html', 'https://blog.example/2021/10/30/peer-focus.html'))
      return url === '/2021/10/30/peer-focus.html' ? new Response(builtPage('peer-focus')) : new Response('Not found', { status: 404 })
    })
    expect(await new QueryClient().fetchQuery(postQuery('peer-focus', 'page'))).toEqual(post)
    expect(requested).toEqual(['/blog/peer-focus/', '/2021/10/30/peer-focus.html'])
  })

  it('does not follow a redirect page out of the site', async () => {
    vi.stubGlobal('fetch', async (url: string) =>
      url === '/blog/away/' ? new Response(redirectPage('https://elsewhere.example/x/', 'https://elsewhere.example/x/')) : new Response(builtPage('away')),
    )
    expect(await new QueryClient().fetchQuery(postQuery('away', 'page'))).toBeNull()
  })
})
