import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { bodyJson, bodyWriter, EMPTY_BODY_JSON, isEmptyBody, makeBodyFolder, removeBodyFolder } from './body-files.ts'
import { createBuildPool, type PoolSetup } from './build-pool.ts'
import { readJekyllSite } from '../site/read-site.ts'

const scratch = mkdtempSync(join(tmpdir(), 'body-files-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('body files', () => {
  it('give back each body as it was written, whatever its script, and know an empty one', () => {
    const folder = makeBodyFolder(scratch)
    const writer = bodyWriter(folder)
    const bodies = ['{"type":"root","children":[{"type":"text","value":"Straße, 東京, 🦉"}]}', EMPTY_BODY_JSON, '{"type":"root","children":[{"type":"text","value":"third"}]}']
    const places = bodies.map((body) => writer.write(body))
    expect(places.map(bodyJson)).toEqual(bodies)
    expect(places.map(isEmptyBody)).toEqual([false, true, false])
    // A body held as text is its own JSON.
    expect(bodyJson(bodies[0]!)).toBe(bodies[0])
    expect(isEmptyBody(EMPTY_BODY_JSON)).toBe(true)
    removeBodyFolder(folder)
    expect(existsSync(folder)).toBe(false)
    // A build whose body files are gone says so, instead of writing a page without its text.
    expect(() => bodyJson(places[2]!)).toThrow(/body files were removed/)
  })

  it("are removed at the next build when their build was killed, not while their build runs", () => {
    const parent = join(scratch, 'node_modules', '.jekyll-reader')
    // A process that has ended: its pid names no running process (until the system reuses it).
    const ended = spawnSync(process.execPath, ['-e', '']).pid
    const killed = join(parent, `bodies-${ended}-1`)
    const running = join(parent, `bodies-${process.pid}-2`)
    for (const folder of [killed, running]) {
      mkdirSync(folder, { recursive: true })
      writeFileSync(join(folder, '1.json'), '{}')
    }
    const folder = makeBodyFolder(scratch)
    expect(existsSync(killed)).toBe(false)
    expect(existsSync(running)).toBe(true)
    expect(existsSync(folder)).toBe(true)
  })
})

describe('a build pool keeping bodies in body files', () => {
  const posts = join(scratch, 'posts')
  mkdirSync(posts, { recursive: true })
  const names = ['2024-01-01-one.md', '2024-01-02-two.md']
  names.forEach((name, index) => writeFileSync(join(posts, name), `---\ntitle: Post ${index}\n---\nThe text of post ${index}, café.\n`))
  const setup: PoolSetup = {
    // The workers run from the project, as in a real build.
    root: process.cwd(),
    site: readJekyllSite({ postsDir: posts, cwd: scratch, drafts: false, env: {} }),
    basePath: '/',
    publicDir: null,
    postCount: names.length,
  }

  // Three pools, each starting a worker process (and the first may bundle the worker's code): seconds on a busy machine.
  it('gives the same posts as one that sends bodies back, and removes its body files when closed', async () => {
    const load = async (spillBodies: boolean) => {
      const pool = createBuildPool(setup, null, undefined, { spillBodies })
      try {
        return await Promise.all(names.map((name) => pool.loadPost(join(posts, name))))
      } finally {
        await pool.close()
      }
    }
    const sent = await load(false)
    const before = readdirSync(join(process.cwd(), 'node_modules', '.jekyll-reader')).filter((name) => name.startsWith('bodies-'))
    const pool = createBuildPool(setup, null, undefined, { spillBodies: true })
    const spilled = await Promise.all(names.map((name) => pool.loadPost(join(posts, name))))
    expect(spilled.map((post) => typeof post.body)).toEqual(['object', 'object'])
    expect(spilled.map((post) => bodyJson(post.body))).toEqual(sent.map((post) => post.body))
    expect(spilled.map((post) => ({ ...post, body: null }))).toEqual(sent.map((post) => ({ ...post, body: null })))
    await pool.close()
    const after = readdirSync(join(process.cwd(), 'node_modules', '.jekyll-reader')).filter((name) => name.startsWith('bodies-'))
    expect(after).toEqual(before)
  }, 60_000)
})
