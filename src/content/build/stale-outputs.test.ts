import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildStartTime, removeStaleOutputs } from './stale-outputs.ts'

const scratch = mkdtempSync(join(tmpdir(), 'stale-outputs-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function write(path: string, text: string, age = 0) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  if (age) utimesSync(path, new Date(Date.now() - age), new Date(Date.now() - age))
}

describe('a rebuild into the last build\'s output', () => {
  it('removes what the last build wrote and this one did not, with the folders it leaves empty', () => {
    const dist = join(scratch, 'dist')
    const anHour = 3_600_000
    // The last build's files.
    write(join(dist, 'blog/kept/index.html'), 'kept, unchanged', anHour)
    write(join(dist, 'blog/removed-post/index.html'), 'a post removed since', anHour)
    write(join(dist, 'blog/removed-post/quote/q1/index.html'), 'its quote', anHour)
    write(join(dist, 'assets/index-OLD.js'), 'an old chunk', anHour)
    // On the folder's own clock, as the build reads it: the kernel's file times lag Date.now() by up to a tick.
    const started = buildStartTime(dist)
    // This build's.
    write(join(dist, 'assets/index-NEW.js'), 'a new chunk')
    write(join(dist, 'sw.js'), 'written by a writer without a claim, now')

    const removed = removeStaleOutputs(dist, ['blog/kept/index.html', 'assets/index-NEW.js'], started)

    expect(removed.sort()).toEqual(['assets/index-OLD.js', 'blog/removed-post/index.html', 'blog/removed-post/quote/q1/index.html'])
    expect(existsSync(join(dist, 'blog/kept/index.html'))).toBe(true)
    expect(existsSync(join(dist, 'assets/index-NEW.js'))).toBe(true)
    expect(existsSync(join(dist, 'sw.js'))).toBe(true)
    expect(existsSync(join(dist, 'blog/removed-post'))).toBe(false)
  })

  it('is nothing to do without an output folder', () => {
    expect(removeStaleOutputs(join(scratch, 'none'), [], Date.now())).toEqual([])
  })
})
