import { describe, expect, test } from 'vitest'
import type { Rollup } from 'vite'
import { offlineBuild, serviceWorkerSource } from './service-worker.ts'

/** A client bundle as Vite hands it to generateBundle: file names to assets and chunks. */
function bundle(files: Record<string, string>): Rollup.OutputBundle {
  return Object.fromEntries(Object.entries(files).map(([fileName, source]) => [fileName, { type: 'asset', fileName, source } as unknown as Rollup.OutputAsset]))
}

const DEPLOY = {
  'index.html': '<!doctype html>',
  'assets/index-AAAAAAAA.js': '',
  'assets/framework-BBBBBBBB.js': '',
  'assets/index-CCCCCCCC.css': '',
  'assets/mermaid-11.17.2/mermaid.esm.min.js': '',
  'assets/mermaid-11.17.2/chunks/mermaid.esm.min/flowDiagram-YHGXBVSY.js': '',
  'data/list/head.json': '{"v":"one"}',
  'data/list/all/1.json': '{}',
  'data/list/tag-pages.json': '{}',
  'data/index.json': '{"posts":[]}',
  'data/posts/a.json': '{}',
}

describe('offlineBuild', () => {
  test('precaches the list page, its data and the app code under the base path, never post data or Mermaid', () => {
    expect(offlineBuild(bundle(DEPLOY), '/my-blog/').precache).toEqual([
      '/my-blog/',
      '/my-blog/assets/framework-BBBBBBBB.js',
      '/my-blog/assets/index-AAAAAAAA.js',
      '/my-blog/assets/index-CCCCCCCC.css',
      '/my-blog/data/list/head.json',
      '/my-blog/data/list/all/1.json',
      '/my-blog/data/list/tag-pages.json',
    ])
  })

  test('names a new deploy when the code, the list version or a post summary changes, and only then', () => {
    const id = (files: Record<string, string>) => offlineBuild(bundle(files), '/').buildId
    const same = id(DEPLOY)
    expect(id({ ...DEPLOY, 'data/posts/a.json': '{"edited":true}' })).toBe(same)
    expect(id({ ...DEPLOY, 'data/list/head.json': '{"v":"two"}' })).not.toBe(same)
    expect(id({ ...DEPLOY, 'data/list/catalog.json': '{"posts":[{"title":"new"}]}' })).not.toBe(same)
    const { 'assets/index-AAAAAAAA.js': _old, ...rest } = DEPLOY
    expect(id({ ...rest, 'assets/index-DDDDDDDD.js': '' })).not.toBe(same)
  })

  test("sets the deploy's facts before the worker's code", () => {
    const source = serviceWorkerSource({ buildId: 'abc', base: '/', precache: ['/'] })
    expect(source.startsWith('self.OFFLINE_BUILD = {"buildId":"abc","base":"/","precache":["/"]};\n')).toBe(true)
    expect(source).toContain("self.addEventListener('fetch'")
  })
})

describe('the offline page', () => {
  /** The worker's offline page as a reader gets it: the worker's own code run on its own texts. */
  async function offlinePage(lang: string): Promise<string> {
    const source = serviceWorkerSource(offlineBuild(bundle(DEPLOY), '/blog/'), lang)
    const texts = JSON.parse(/self\.OFFLINE_PAGE = (.*);\n/.exec(source)![1]!) as Record<string, string>
    const body = /function offlinePage\(\) \{([\s\S]*?)\n\}/.exec(source)![1]!
    // The function's body builds the page from `base` and `texts`; run it with a stand-in Response.
    const run = new Function('base', 'texts', 'Response', body) as (base: string, texts: Record<string, string>, response: unknown) => { html: string }
    return run('/blog/', texts, class { html: string; constructor(html: string) { this.html = html } }).html
  }

  test('is in the site\'s language, with its <html lang dir>', async () => {
    const arabic = await offlinePage('ar')
    expect(arabic).toContain('<html lang="ar" dir="rtl">')
    expect(arabic).toContain('<h1>أنت غير متصل</h1>')
    expect(arabic).toContain('<a href="/blog/">اذهب إلى قائمة المقالات</a>')
    const english = await offlinePage('en')
    expect(english).toContain('<html lang="en" dir="ltr">')
    expect(english).toContain('<p>The list and the posts you have opened before are saved: <a href="/blog/">go to the list of posts</a>. Or try again once you are back online.</p>')
  })
})
