/**
 * A build worker process (see build-pool.ts): renders posts' markdown, then writes posts' pages, data
 * files and cards, on its own core. Its first message is the setup; the pool keeps a couple of requests
 * queued here, so no core waits for work.
 */
import { pathToFileURL } from 'node:url'
import { createPostPipeline, type PostPipeline } from '../markdown/render-markdown.ts'
import { loadPost, type PostInSite } from '../post/load-post.ts'
import { readPostSource } from '../site/posts-folder.ts'
import { storePost } from '../post/stored-post.ts'
import { siteMedia } from '../site/site-media.ts'
import { writePostPages, type PrerenderContext, type RenderPage } from '../prerender/prerender.ts'
import type { PoolCache, PoolSetup, WorkerReply, WorkerRequest } from './build-pool.ts'
import { memoIn, openBuildCache, type BuildCache } from './build-cache.ts'
import { cachedPost, postCacheKey, type PostCacheKeys } from './cached-post.ts'
import { releaseMemory, releaseMemoryEvery } from './release-memory.ts'
import { outputWriter } from './write-if-changed.ts'

let setup: PoolSetup | null = null
let postsInSite: Map<string, PostInSite> | null = null
let pipeline: PostPipeline | null = null
let cache: { store: BuildCache; keys: PostCacheKeys } | null = null
let prerender: PrerenderContext | null = null
const collectNow = releaseMemoryEvery(500)

function start(received: PoolSetup, receivedCache: PoolCache | null) {
  setup = received
  postsInSite = received.postsInSite ? new Map(received.postsInSite) : null
  cache = receivedCache && { store: openBuildCache(receivedCache.folder), keys: { pipeline: receivedCache.pipeline, plain: receivedCache.plain } }
  // One pipeline, and so one Liquid engine with its cache of parsed includes, for every post of the worker.
  pipeline = createPostPipeline({
    site: received.site,
    media: siteMedia(received.basePath, received.publicDir, received.siteDir ?? null),
  })
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'setup':
      start(request.setup, request.cache)
      return null
    case 'load': {
      if (!setup || !pipeline) throw new Error('load before setup')
      const { file, source, problem } = readPostSource(request.path, setup.root)
      const site = postsInSite?.get(request.path)
      const render = () => storePost(loadPost(file, source, pipeline!, { readProblem: problem, ...(site ? { site } : {}) }))
      if (!cache) return render()
      return cachedPost(cache.store, postCacheKey(cache.keys, { path: request.path, file, source, problem, site }), render)
    }
    case 'prerender-setup': {
      // The markdown phase is over: its garbage goes before the pages phase makes its own.
      releaseMemory()
      const entry = (await import(pathToFileURL(request.serverEntry).href)) as { renderPage: RenderPage }
      const memo = memoIn(cache && request.cacheSalt !== null ? cache.store : null, request.cacheSalt ?? '')
      prerender = { outDir: request.outDir, template: request.template, settings: request.settings, renderPage: entry.renderPage, memo, write: outputWriter() }
      return null
    }
    case 'post-pages': {
      if (!prerender) throw new Error('post-pages before prerender-setup')
      collectNow()
      return writePostPages(prerender, request.task)
    }
  }
}

process.on('message', (message: { id: number; request: WorkerRequest }) => {
  handle(message.request).then(
    (result) => process.send!({ id: message.id, result } satisfies WorkerReply),
    (error: unknown) => process.send!({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply),
  )
})
// The pool ends the process with `disconnect()`; without the channel there is nothing left to do.
process.on('disconnect', () => process.exit(0))
