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
import type { PoolSetup, WorkerReply, WorkerRequest } from './build-pool.ts'
import { releaseMemory, releaseMemoryEvery } from './release-memory.ts'

let setup: PoolSetup | null = null
let postsInSite: Map<string, PostInSite> | null = null
let pipeline: PostPipeline | null = null
let prerender: PrerenderContext | null = null
const collectNow = releaseMemoryEvery(500)

function start(received: PoolSetup) {
  setup = received
  postsInSite = received.postsInSite ? new Map(received.postsInSite) : null
  // One pipeline, and so one Liquid engine with its cache of parsed includes, for every post of the worker.
  pipeline = createPostPipeline({
    site: received.site,
    media: siteMedia(received.basePath, received.publicDir, received.siteDir ?? null),
  })
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'setup':
      start(request.setup)
      return null
    case 'load': {
      if (!setup || !pipeline) throw new Error('load before setup')
      const { file, source, problem } = readPostSource(request.path, setup.root)
      const site = postsInSite?.get(request.path)
      return storePost(loadPost(file, source, pipeline, { readProblem: problem, ...(site ? { site } : {}) }))
    }
    case 'prerender-setup': {
      // The markdown phase is over: its garbage goes before the pages phase makes its own.
      releaseMemory()
      const entry = (await import(pathToFileURL(request.serverEntry).href)) as { renderPage: RenderPage }
      prerender = { outDir: request.outDir, template: request.template, settings: request.settings, renderPage: entry.renderPage }
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
