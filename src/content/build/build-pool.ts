/**
 * The production build's parallel part: a pool of worker processes that render the posts' markdown and
 * later draw every post's link-preview cards, while the main process writes the pages (post-cards.ts).
 *
 * Why: markdown rendering costs ~10 ms a post, all CPU. Off the main process it overlaps Vite's own
 * bundling (loading starts at `buildStart` and is awaited at `generateBundle`); a large blog's posts
 * are split over more workers (`BUILD_POSTS_PER_WORKER`). Each worker keeps its own markdown processor,
 * and its own fonts and glyphs for the cards.
 *
 * Processes, not worker threads: on this project's 2-core machines, two worker threads took ~31 ms a
 * post each and two processes 21-28 ms on the same posts (each process has its own garbage collector and
 * compiler helpers). Workers run build-worker.ts bundled into one file (worker-bundle.ts), without tsx.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { codeKey } from './build-cache.ts'
import { workerBundle } from './worker-bundle.ts'
import { makeBodyFolder, removeBodyFolder } from './body-files.ts'
import type { JekyllSite } from '../site/jekyll-site.ts'
import type { PostInSite } from '../post/load-post.ts'
import type { StoredPost } from '../post/stored-post.ts'
import type { CardJob } from '../prerender/post-cards.ts'

/** What every worker is started with: only data, so it can cross into the process. */
export interface PoolSetup {
  /** Paths in problems are shown relative to it. */
  root: string
  /** What Liquid sees of the site: `site.*`, its includes, its documents for `post_url` and `link`. */
  site: JekyllSite
  basePath: string
  /** Where `/assets/...` paths of posts are looked up; null when there is no public folder. */
  publicDir: string | null
  /** With a site folder: its path (static files are looked up there too), and each post's permalink. */
  siteDir?: string | null
  postsInSite?: Array<[string, PostInSite]>
  /** How many posts there are to render: more posts, more workers. */
  postCount: number
}

/** The persistent build cache (build-cache.ts), as the workers use it; null when it is off. */
export interface PoolCache {
  folder: string
  /** pipelineKey() of this build's setup: a post with Liquid is keyed by it and the post's file. */
  pipeline: string
  /** plainPipelineKey() of this build's setup: a post without Liquid is keyed by it and the post's file (cached-post.ts). */
  plain: string
}

export type WorkerRequest =
  | {
      type: 'setup'
      setup: PoolSetup
      cache: PoolCache | null
      /** Where the worker writes the bodies it renders (body-files.ts); null: they are sent back as text. Not in the setup, which keys the build cache. */
      bodies: string | null
    }
  | { type: 'load'; path: string }
  | {
      type: 'cards-setup'
      outDir: string
      /** What every card depends on besides what it shows (code, settings): the build cache's salt. */
      cacheSalt: string | null
    }
  /** The cards of several posts, each post's list its own build-cache entry. */
  | { type: 'cards'; posts: CardJob[][] }

export type WorkerReply = { id: number; result: unknown } | { id: number; error: string }

export interface BuildPool {
  size: number
  /** A post as rendered; with `spillBodies`, its body is a place in the build's body files (body-files.ts). */
  loadPost(path: string): Promise<StoredPost>
  /** Tells every worker where cards go; needed before `drawCards`. */
  setupCards(request: Omit<Extract<WorkerRequest, { type: 'cards-setup' }>, 'type'>): Promise<void>
  /** Draws and writes the cards of several posts (a list each); returns how many. */
  drawCards(posts: CardJob[][]): Promise<number>
  close(): Promise<void>
}

/**
 * Requests queued per worker, so a worker never waits on the main thread: a post from the build cache
 * takes a worker ~1 ms, while the main process may be busy for tens of ms at a time (Vite's bundling),
 * and a worker with one request ready stood idle through each of those. Few enough that the workers
 * finish together.
 */
const IN_FLIGHT = 8
/** The dev server's first load: below this many posts per worker, another costs more wall time to start than it saves. */
const POSTS_PER_WORKER = 50
/**
 * The production build's: a worker costs ~3 s of CPU to start and warm up, whatever it renders (its
 * modules, V8 compiling its hot code, the card fonts and glyphs; one worker against two at 1,000 posts:
 * 22.6 s against 25.5 s of CPU). Another worker only saves wall time, so the build starts one for each
 * 2,500 posts, where that warm-up is about a tenth of what the worker renders (~12 ms a post).
 */
export const BUILD_POSTS_PER_WORKER = 2500
/**
 * A worker lives for one build, so V8's optimizing compiler costs it as much as what it compiles saves:
 * `perf` put ~18 % of a 1,000-post cold build's CPU in TurboFan (1,600 functions, ~800 a worker, some
 * 100-270 ms each), work `--cpu-prof` does not show. Inlining less (V8's default budget is 920 bytes
 * of bytecode a function) makes each compilation smaller: rendering 500 bench posts in one process took
 * 0.5-0.6 s less CPU (of ~6) in each of five paired runs.
 */
const WORKER_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=230']

/** How many workers render `postCount` posts: one for each `postsPerWorker`, at least one, at most one per core (and 8). */
export function poolSize(postCount: number, postsPerWorker: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, 8, Math.ceil(postCount / postsPerWorker)))
}

/**
 * `code`: codeKey(), which names the workers' bundle; a build that has it already passes it (it reads every source file).
 * `spillBodies`: the workers keep the posts' bodies in body files (body-files.ts), removed by `close()`, and send their places.
 * `postsPerWorker`: one worker for each this many posts, at most one per core (and 8).
 */
export function createBuildPool(setup: PoolSetup, cache: PoolCache | null = null, code = codeKey(), { spillBodies = false, postsPerWorker = POSTS_PER_WORKER } = {}): BuildPool {
  const bodies = spillBodies ? makeBodyFolder() : null
  const size = poolSize(setup.postCount, postsPerWorker)
  type Slot = { worker: ChildProcess; busy: number }
  const workers: Slot[] = []
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; worker: Slot | null }>()
  const queue: Array<{ id: number; request: WorkerRequest }> = []
  let nextId = 0
  let failure: Error | null = null
  let closing = false

  const pump = () => {
    for (const slot of workers) {
      while (slot.busy < IN_FLIGHT && queue.length > 0) {
        const message = queue.shift()!
        pending.get(message.id)!.worker = slot
        slot.busy += 1
        slot.worker.send(message)
      }
    }
  }
  const failAll = (error: Error) => {
    failure = error
    for (const [id, waiting] of pending) {
      pending.delete(id)
      waiting.reject(error)
    }
  }
  const addWorker = (bundle: string) => {
    const slot: Slot = {
      worker: fork(bundle, {
        cwd: setup.root,
        // BUILD_CPU_PROF_DIR: each worker writes a V8 CPU profile there (`node --cpu-prof`), for profiling a build.
        execArgv: [...WORKER_V8_FLAGS, ...(process.env.BUILD_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BUILD_CPU_PROF_DIR}`] : [])],
        serialization: 'advanced',
        stdio: 'inherit',
      }),
      busy: 0,
    }
    slot.worker.on('message', (reply: WorkerReply) => {
      const waiting = pending.get(reply.id)
      if (!waiting) return
      pending.delete(reply.id)
      slot.busy -= 1
      if ('error' in reply) waiting.reject(new Error(reply.error))
      else waiting.resolve(reply.result)
      pump()
    })
    const fail = (error: Error) => {
      // A worker that dies takes its requests with it: fail them, and every later one.
      failure = error
      for (const [id, waiting] of pending) {
        if (waiting.worker === slot) {
          pending.delete(id)
          waiting.reject(error)
        }
      }
    }
    slot.worker.on('error', fail)
    slot.worker.on('exit', (code, signal) => {
      if (!closing) fail(new Error(`A build worker stopped (${signal ?? `exit code ${code}`}); its posts were not written`))
    })
    workers.push(slot)
    return slot
  }

  const sendTo = (slot: Slot, request: WorkerRequest) =>
    new Promise<unknown>((resolve, reject) => {
      if (failure) return reject(failure)
      // Addressed to one worker (setup): sent at once, ahead of any queue.
      const id = nextId++
      pending.set(id, { resolve, reject, worker: slot })
      slot.busy += 1
      slot.worker.send({ id, request })
    })
  const send = (request: WorkerRequest) =>
    new Promise<unknown>((resolve, reject) => {
      if (failure) return reject(failure)
      const id = nextId++
      pending.set(id, { resolve, reject, worker: null })
      queue.push({ id, request })
      pump()
    })

  // The workers start once their bundle is there (worker-bundle.ts); requests queue until then. Each
  // worker's first message is what it renders with, sent ahead of any queued request.
  const started = workerBundle(code).then(
    (bundle) => {
      if (closing) return
      for (let index = 0; index < size; index += 1) void sendTo(addWorker(bundle), { type: 'setup', setup, cache, bodies }).catch(() => undefined)
      pump()
    },
    (error: unknown) => failAll(error instanceof Error ? error : new Error(String(error))),
  )

  return {
    size,
    loadPost: (path) => send({ type: 'load', path }) as Promise<StoredPost>,
    setupCards: async (request) => {
      await started
      await Promise.all(workers.map((slot) => sendTo(slot, { type: 'cards-setup', ...request })))
    },
    drawCards: (posts) => send({ type: 'cards', posts }) as Promise<number>,
    close: async () => {
      closing = true
      await started
      await Promise.all(
        workers.map(
          (slot) =>
            new Promise<void>((done) => {
              if (slot.worker.exitCode !== null || slot.worker.signalCode !== null) return done()
              slot.worker.once('exit', () => done())
              slot.worker.disconnect()
            }),
        ),
      )
      if (bodies) removeBodyFolder(bodies)
    },
  }
}
