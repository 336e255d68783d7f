import { describe, expect, it } from 'vitest'
import { dehydrate, QueryClient } from '@tanstack/react-query'
import { postDataFromPage } from '../../shared/api/post-page-data.ts'
import { fillTemplate } from './prerender.ts'
import type { PostData } from '../../shared/post-data.ts'

const template = '<html><head><title>x</title></head><body><div id="root"></div></body></html>'
const post = {
  summary: { slug: 'peer-focus', title: 'Peers </script><script>alert(1)</script>' },
  body: { type: 'root', children: [] },
  toc: [],
  newer: null,
  older: null,
  related: [],
} as unknown as PostData

function builtPage(slug: string, data: PostData) {
  const client = new QueryClient()
  // The key the app's post query uses (postKeys.detail).
  client.setQueryData(['posts', 'detail', slug], data)
  return fillTemplate(template, '<title>Peers</title>', '<main>…</main>', { path: `/blog/${slug}/`, state: dehydrate(client) })
}

describe('a post read from its built page', () => {
  it('is the data the page was built with, whatever its text holds', () => {
    expect(postDataFromPage(builtPage('peer-focus', post), 'peer-focus')).toEqual(post)
  })

  it('is null on a page of another post or a page without data (a host\'s fallback page)', () => {
    expect(postDataFromPage(builtPage('peer-focus', post), 'other')).toBeNull()
    expect(postDataFromPage('<html><body>Not found</body></html>', 'peer-focus')).toBeNull()
  })
})
