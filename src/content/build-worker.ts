/**
 * A build worker (see build-pool.ts): renders posts' markdown, then writes posts' pages, data files and
 * cards, on its own core. The pool keeps a couple of requests queued here, so no core waits for work.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'
import { createPostPipeline } from './render-markdown.ts'
import { createPostResolver } from './liquid-values.ts'
import { loadPost } from './load-post.ts'
import { readPostSource } from './posts-folder.ts'
import { storePost } from './stored-post.ts'
import { imageDimensions } from './image-dimensions.ts'
import { writePostPages, type PrerenderContext, type RenderPage } from './prerender.ts'
import type { PoolSetup, WorkerReply, WorkerRequest } from './build-pool.ts'

const setup = workerData as PoolSetup
const resolvePost = createPostResolver(setup.postNames.map(([name, slug]) => ({ name, slug })))
const pipeline = createPostPipeline({
  liquid: setup.liquid,
  media: {
    basePath: setup.basePath,
    exists: (path) => setup.publicDir !== null && existsSync(join(setup.publicDir, path)),
    dimensions: imageDimensions(setup.publicDir),
  },
  resolvePost,
})
let prerender: PrerenderContext | null = null

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'load': {
      const { file, source } = readPostSource(request.path, setup.root)
      return storePost(loadPost(file, source, pipeline))
    }
    case 'prerender-setup': {
      const entry = (await import(pathToFileURL(request.serverEntry).href)) as { renderPage: RenderPage }
      prerender = { outDir: request.outDir, template: request.template, settings: request.settings, renderPage: entry.renderPage }
      return null
    }
    case 'post-pages': {
      if (!prerender) throw new Error('post-pages before prerender-setup')
      return writePostPages(prerender, request.task)
    }
  }
}

parentPort!.on('message', (message: { id: number; request: WorkerRequest }) => {
  handle(message.request).then(
    (result) => parentPort!.postMessage({ id: message.id, result } satisfies WorkerReply),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply),
  )
})
