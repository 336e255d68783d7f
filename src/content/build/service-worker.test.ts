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
  'data/list/head.json': '{"v":"one"}',
  'data/list/all/1.json': '{}',
  'data/list/tag-pages.json': '{}',
  'data/index.json': '{"posts":[]}',
  'data/posts/a.json': '{}',
}

describe('offlineBuild', () => {
  test('precaches the list page, its data and the app code under the base path, never post data', () => {
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
