/**
 * An author's edit loop on a big blog: Vite's dev server (in this process, as e2e/authoring.test.ts
 * starts it) serves a copy of the posts folder; with a post open in Chromium, a paragraph is appended
 * to its markdown file, and the time runs from the write until the text is in the page (polled every
 * animation frame, so it stops just before that frame's paint). Median of EDITS edits.
 */
import { appendFileSync, cpSync, readdirSync } from 'node:fs'
import { setAside } from './set-aside.ts'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { APP_READY, freshContext } from './browser.ts'
import { median } from './stats.ts'

export interface DevEdit {
  posts: number
  medianMs: number
  samplesMs: number[]
  /** From the dev server's start to the open post being ready, a first look at the cold start. */
  firstLoadSeconds: number
}

const EDITS = 5

export async function devEdit(browser: Browser, postsDir: string, workDir: string, posts: number): Promise<DevEdit> {
  const copy = resolve(workDir, `dev-posts-${posts}`)
  setAside(copy, workDir)
  cpSync(postsDir, copy, { recursive: true })
  const file = readdirSync(copy).find((name) => name.endsWith('-post-0.md'))
  if (!file) throw new Error(`No post-0 in ${copy}`)
  let server: ViteDevServer | undefined
  const context = await freshContext(browser)
  try {
    const started = performance.now()
    const previous = process.env.POSTS_DIR
    process.env.POSTS_DIR = copy
    try {
      server = await createServer({
        logLevel: 'silent',
        cacheDir: resolve(workDir, 'vite-dev-cache'),
        server: { port: 0, host: '127.0.0.1' },
      })
      await server.listen()
    } finally {
      if (previous === undefined) delete process.env.POSTS_DIR
      else process.env.POSTS_DIR = previous
    }
    const url = server.resolvedUrls!.local[0]!
    const page = await context.newPage()
    await page.goto(`${url}blog/post-0/`, { waitUntil: 'networkidle', timeout: 180_000 })
    await page.locator(APP_READY).waitFor({ state: 'attached', timeout: 180_000 })
    const firstLoadSeconds = (performance.now() - started) / 1000
    // A dependency optimized on first load can make Vite reload the page once: let that pass.
    await page.waitForTimeout(1000)
    await page.waitForLoadState('networkidle')
    await page.locator(APP_READY).waitFor({ state: 'attached', timeout: 60_000 })

    const samplesMs: number[] = []
    for (let edit = 0; edit < EDITS; edit += 1) {
      const marker = `Benchmark edit ${edit} ${Date.now().toString(36)}`
      const written = performance.now()
      appendFileSync(join(copy, file), `\n\n${marker}.\n`)
      await page.waitForFunction((text) => document.querySelector('main')?.textContent?.includes(text) ?? false, marker, { polling: 'raf', timeout: 30_000 })
      samplesMs.push(performance.now() - written)
      await page.waitForTimeout(300)
    }
    return { posts, medianMs: median(samplesMs), samplesMs, firstLoadSeconds }
  } finally {
    await context.close()
    await server?.close()
    // Moved, not deleted: the next size's cold build follows (set-aside.ts).
    setAside(copy, workDir)
  }
}
