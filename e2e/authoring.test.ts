/**
 * An author's loop: the dev server serves a posts folder, shows a broken post's problem on its page
 * while every other post works, and updates the open page when a file is edited, added or removed.
 * A production build refuses the broken post with `file:line: reason`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { buildSite, launchBrowser } from './browser.ts'

const folder = mkdtempSync(join(tmpdir(), 'reader-posts-'))
const postsDir = join(folder, '_posts')
const write = (name: string, source: string) => writeFileSync(join(postsDir, name), source)

let server: ViteDevServer
let context: BrowserContext
let page: Page
let url: string

beforeAll(async () => {
  mkdirSync(postsDir)
  write('2024-01-02-good-post.md', '---\ntitle: A good post\ntags: [Leadership]\n---\nHello {% include elements/highlight.html text="readers" %}.\n')
  write('2024-01-01-broken-post.md', '---\ntitle: Broken\ntags: [Leadership\n---\nNever shown.\n')
  process.env.POSTS_DIR = postsDir
  server = await createServer({ logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } })
  await server.listen()
  delete process.env.POSTS_DIR
  url = server.resolvedUrls!.local[0]!
  context = await launchBrowser()
  page = await context.newPage()
  // The first visit makes Vite pre-bundle the app's dependencies, once: on a busy machine that alone can
  // outlast a test's navigation timeout, so it happens here, where the hook's longer timeout applies.
  await page.goto(url, { waitUntil: 'networkidle', timeout: 150_000 })
})

afterAll(async () => {
  await context?.close()
  await server?.close()
  rmSync(folder, { recursive: true, force: true })
})

describe('the dev server', () => {
  it('lists the broken post with its problem and keeps the others working', async () => {
    await page.goto(url)
    await expect.poll(() => page.locator('.post-card').count()).toBe(2)
    expect(await page.locator('.post-card', { hasText: 'Broken Post' }).locator('.post-card-error').textContent()).toMatch(
      /_posts\/2024-01-01-broken-post\.md:3:\d+: Invalid YAML in front matter/,
    )
    await page.getByRole('link', { name: 'A good post' }).click()
    await expect.poll(() => page.locator('.post-body mark').textContent()).toBe('readers')
  })

  it('shows the problem, with file and line, on the broken post page', async () => {
    await page.goto(`${url}blog/broken-post`)
    const alert = page.getByRole('alert')
    await expect.poll(() => alert.textContent()).toMatch(/2024-01-01-broken-post\.md:3:\d+: Invalid YAML in front matter: .*Check the indentation/)
  })

  it('updates the open page when the post is fixed or edited, without a reload', async () => {
    await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true))
    write('2024-01-01-broken-post.md', '---\ntitle: Fixed at last\ntags: [Leadership]\n---\nNow shown.\n')
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Fixed at last')
    expect(await page.locator('.post-body').textContent()).toBe('Now shown.')
    write('2024-01-01-broken-post.md', '---\ntitle: Edited again\ntags: [Leadership]\n---\nEdited body.\n')
    await expect.poll(() => page.locator('.post-body').textContent(), { timeout: 10_000 }).toBe('Edited body.')
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true)
  })

  it('adds and removes posts in the open list', async () => {
    await page.goto(url)
    await expect.poll(() => page.locator('.post-card').count()).toBe(2)
    write('2024-02-01-brand-new.md', '---\ntitle: Brand new\n---\nFresh.\n')
    await expect.poll(() => page.locator('.post-card-title').allTextContents(), { timeout: 10_000 }).toEqual(['Brand new', 'A good post', 'Edited again'])
    rmSync(join(postsDir, '2024-02-01-brand-new.md'))
    await expect.poll(() => page.locator('.post-card').count(), { timeout: 10_000 }).toBe(2)
  })
})

describe('a production build', () => {
  it('stops on a broken post, naming the file, the line and the fix', async () => {
    const bad = join(folder, 'bad')
    mkdirSync(bad)
    writeFileSync(join(bad, '2024-01-01-bad-date.md'), '---\ntitle: Bad date\ndate: someday soon\n---\n')
    writeFileSync(join(bad, '2024-01-02-bad-tags.md'), '---\ntitle: Bad tags\ntags: [ok, 12]\n---\n')
    writeFileSync(join(bad, '2024-01-03-fine.md'), '---\ntitle: Fine\n---\nFine.\n')
    const failure = await buildSite(bad, join(folder, 'dist')).then(
      () => null,
      (error: Error) => error.message,
    )
    expect(failure).toContain('2 posts cannot be published:')
    expect(failure).toMatch(/bad\/2024-01-01-bad-date\.md:3:7: Cannot read the date "someday soon"\. Write it as `date: 2021-10-30`/)
    expect(failure).toMatch(/bad\/2024-01-02-bad-tags\.md:3:12: Each tag must be text, found the number 12 in `tags`\. Quote it/)
  })
})
