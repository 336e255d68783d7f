import { describe, expect, it } from 'vitest'
import { dehydrate, QueryClient } from '@tanstack/react-query'
import { DOMParser } from 'linkedom'
import { postDataFromPage, withoutPostBodies } from '../../shared/api/post-page-data.ts'
import { fillTemplate } from './prerender.ts'
import type { PostData } from '../../shared/post-data.ts'

const template = '<html><head><title>x</title></head><body><div id="root"></div></body></html>'
const body = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'Peers first.' }] }] }
const post = {
  summary: { slug: 'peer-focus', title: 'Peers </script><script>alert(1)</script>' },
  body,
  toc: [],
  newer: null,
  older: null,
  related: [],
} as unknown as PostData
const article = '<main><article class="post"><h1>Peers</h1><div class="post-body"><p>Peers first.</p></div></article></main>'
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as ParentNode

/** A post page as the build writes it: the body in the article, the rest in the inlined data. */
function builtPage(slug: string, data: PostData, html = article) {
  const client = new QueryClient()
  // The key the app's post query uses (postKeys.detail).
  client.setQueryData(['posts', 'detail', slug], data)
  return fillTemplate(template, '<title>Peers</title>', html, { path: `/blog/${slug}/`, state: withoutPostBodies(dehydrate(client)) })
}

describe('a post read from its built page', () => {
  it('carries its body once: in the article, not in the inlined data', () => {
    const page = builtPage('peer-focus', post)
    expect(page.split('Peers first.')).toHaveLength(2)
  })

  it('is the data the page was built with, its body read back from the article, whatever its text holds', () => {
    expect(postDataFromPage(builtPage('peer-focus', post), 'peer-focus', parse)).toEqual(post)
  })

  it('takes the body from the app’s article only, not from anything else in the page', () => {
    const decoy = '<div class="post-body"><p>Injected.</p></div>' + article
    expect(postDataFromPage(builtPage('peer-focus', post, decoy), 'peer-focus', parse)?.body).toEqual(body)
  })

  it('is null on a page of another post, a page without data (a host\'s fallback page), or without the article', () => {
    expect(postDataFromPage(builtPage('peer-focus', post), 'other', parse)).toBeNull()
    expect(postDataFromPage('<html><body>Not found</body></html>', 'peer-focus', parse)).toBeNull()
    expect(postDataFromPage(builtPage('peer-focus', post, '<main>…</main>'), 'peer-focus', parse)).toBeNull()
  })
})
