/**
 * A full garbage collection, asked for where the build has just let go of a lot (every post's text
 * after the search files, every index page after writing them). Left to itself, V8 grows a busy
 * process's heap by hundreds of MB of garbage before it collects: at 10,000 posts the build's main
 * process reached ~990 MB of resident memory for ~300 MB of live data, which is what the build's
 * memory budget is about. Collecting at these points costs ~0.1-0.3 s each.
 *
 * `gc` is exposed the way Jest's leak detector does it (V8 flag, then a fresh context's global):
 * the build runs inside Vite's process, whose command line it does not choose.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let collect: (() => void) | undefined

export function releaseMemory(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as () => void
  }
  collect()
}

/** Calls `releaseMemory` once every `interval` calls: for loops whose every step leaves garbage. */
export function releaseMemoryEvery(interval: number): () => void {
  let calls = 0
  return () => {
    calls += 1
    if (calls % interval === 0) releaseMemory()
  }
}
