/**
 * A build worker process (see build-pool.ts): renders posts' markdown, then draws posts' link-preview
 * cards (post-cards.ts), on its own core. Its first message is the setup; the pool keeps several requests
 * queued here, so it never waits for work.
 */
import { createPostPipeline, type PostPipeline } from '../markdown/render-markdown.ts'
import { loadPost, type PostInSite } from '../post/load-post.ts'
import { readPostSource } from '../site/posts-folder.ts'
import { storePost } from '../post/stored-post.ts'
import { siteMedia } from '../site/site-media.ts'
import { drawCards, type CardContext } from '../prerender/post-cards.ts'
import type { PoolCache, PoolSetup, WorkerReply, WorkerRequest } from './build-pool.ts'
import { memoIn, openBuildCache, type BuildCache } from './build-cache.ts'
import { cachedPost, postCacheKey, type PostCacheKeys } from './cached-post.ts'
import { releaseMemory, releaseMemoryEvery } from './release-memory.ts'
import { bodyJson, bodyWriter } from './body-files.ts'
import type { StoredPost } from '../post/stored-post.ts'
import { outputWriter } from './write-if-changed.ts'

let setup: PoolSetup | null = null
let postsInSite: Map<string, PostInSite> | null = null
let pipeline: PostPipeline | null = null
let cache: { store: BuildCache; keys: PostCacheKeys } | null = null
let cards: CardContext | null = null
/** Where this worker's rendered bodies go, when the build keeps them out of the main process (body-files.ts). */
let bodies: ReturnType<typeof bodyWriter> | null = null
const collectNow = releaseMemoryEvery(500)

function start(received: PoolSetup, receivedCache: PoolCache | null, bodyFolder: string | null) {
  setup = received
  bodies = bodyFolder === null ? null : bodyWriter(bodyFolder)
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
      start(request.setup, request.cache, request.bodies)
      return null
    case 'load': {
      if (!setup || !pipeline) throw new Error('load before setup')
      const { file, source, problem } = readPostSource(request.path, setup.root)
      const site = postsInSite?.get(request.path)
      const render = () => storePost(loadPost(file, source, pipeline!, { readProblem: problem, ...(site ? { site } : {}) }))
      const post = cache ? cachedPost(cache.store, postCacheKey(cache.keys, { path: request.path, file, source, problem, site }), render) : render()
      return bodies ? { ...post, body: bodies.write(bodyJson(post.body)) } satisfies StoredPost : post
    }
    case 'cards-setup': {
      // The markdown phase is over: its garbage goes before the cards make their own.
      releaseMemory()
      cards = { outDir: request.outDir, memo: memoIn(cache && request.cacheSalt !== null ? cache.store : null, request.cacheSalt ?? ''), write: outputWriter() }
      return null
    }
    case 'cards': {
      if (!cards) throw new Error('cards before cards-setup')
      collectNow()
      let drawn = 0
      for (const jobs of request.posts) drawn += await drawCards(cards, jobs)
      return drawn
    }
  }
}

/**
 * A worker left with nothing to do collects its garbage. Between the markdown and the pages it waits
 * while the main process orders the posts and makes the data files, the build's peak of memory; the
 * pool keeps a request queued here while there is work, so this does not run between two posts.
 */
const IDLE_MS = 500
let running = 0
let idle: NodeJS.Timeout | null = null

process.on('message', (message: { id: number; request: WorkerRequest }) => {
  if (idle) clearTimeout(idle)
  running += 1
  const reply = (answer: WorkerReply) => {
    process.send!(answer)
    running -= 1
    if (running === 0) idle = setTimeout(releaseMemory, IDLE_MS).unref()
  }
  handle(message.request).then(
    (result) => reply({ id: message.id, result }),
    (error: unknown) => reply({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  )
})
// The pool ends the process with `disconnect()`; without the channel there is nothing left to do.
process.on('disconnect', () => process.exit(0))
