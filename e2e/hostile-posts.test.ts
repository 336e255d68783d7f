/**
 * Hostile posts (issue 15), built in a throwaway directory tree and read in Chromium: posts written as an
 * attacker or an unlucky author would (e2e/fixtures/hostile/). Asserts on disk that nothing new appears
 * outside `dist/` and nothing from outside the posts folder is published, and in the browser that no
 * dialog opens, no page error is thrown, the app starts and each page shows what it should.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { build, createLogger, createServer, type PreviewServer, type ViteDevServer } from 'vite'
import { appReady, buildSite, launchBrowser, serveBuild, watchErrors } from './browser.ts'
import { builtPostData, builtPosts } from './built-posts.ts'

const FIXTURES = resolve('e2e/fixtures/hostile')
const SECRET = 'TOP-SECRET-7f3a9c'

let tree: string
let context: BrowserContext
const servers: PreviewServer[] = []

/** Every path under `folder`, links not followed, relative to it; `skip` folders left out. */
function listTree(folder: string, skip: string[] = []): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => !skip.some((skipped) => path === skipped || path.startsWith(`${skipped}/`)))
    .sort()
}

/** The project's own files that a write above `dist/` once replaced, and its top-level entries. */
function projectState() {
  return { index: readFileSync('index.html', 'utf8'), entries: listTree('.', []).filter((path) => !path.includes('/')).filter((path) => !/^(dist|node_modules|e2e|\.)/.test(path)) }
}

/** A copy of one fixture folder in the tree, with what git cannot hold added by `extra`. */
function stage(kind: string, extra: (posts: string) => void = () => undefined) {
  const site = join(tree, kind)
  const posts = join(site, '_posts')
  cpSync(join(FIXTURES, kind, '_posts'), posts, { recursive: true })
  extra(posts)
  return { site, posts, outDir: join(site, 'dist') }
}

async function buildError(posts: string, outDir: string): Promise<string> {
  try {
    await buildSite(posts, outDir)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('The build published posts it should have refused')
}

beforeAll(async () => {
  // The tree: a secret beside the posts folders, which links inside them reach for.
  tree = mkdtempSync(join(tmpdir(), 'hostile-posts-'))
  mkdirSync(join(tree, 'secrets'))
  writeFileSync(join(tree, 'secrets', '2021-05-01-secret.md'), `---\ntitle: Secret\n---\n${SECRET}\n`)
  context = await launchBrowser()
})

afterAll(async () => {
  await context?.close()
  await Promise.all(servers.map((server) => server.close()))
  if (tree) rmSync(tree, { recursive: true, force: true })
})

describe('hostile posts that are published', () => {
  let url: string
  let outDir: string
  let page: Page
  let errors: string[]
  const dialogs: string[] = []
  const before = { tree: [] as string[], project: projectState() }

  beforeAll(async () => {
    const staged = stage('published', (posts) => {
      symlinkSync(join(tree, 'secrets', '2021-05-01-secret.md'), join(posts, '2021-05-01-linked-secret.md'))
      symlinkSync(join(tree, 'secrets'), join(posts, 'linked-folder'))
      symlinkSync(join(tree, 'nowhere.md'), join(posts, 'dangling.md'))
      symlinkSync(join(posts, 'loop-b.md'), join(posts, 'loop-a.md'))
      symlinkSync(join(posts, 'loop-a.md'), join(posts, 'loop-b.md'))
      writeFileSync(join(posts, '2021-05-02-latin-1.md'), Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\nSaved as Latin-1.\n')]))
    })
    outDir = staged.outDir
    before.tree = listTree(tree)
    await buildSite(staged.posts, outDir)
    const served = await serveBuild(outDir)
    servers.push(served.server)
    url = served.url
    page = await context.newPage()
    errors = watchErrors(page)
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort())
  })

  const open = async (path: string) => {
    await page.goto(`${url}${path}`, { waitUntil: 'networkidle' })
    await appReady(page)
  }

  it('writes nothing outside dist/, and leaves the project alone', () => {
    const built = relative(tree, outDir)
    expect(listTree(tree, [built])).toEqual(before.tree)
    expect(projectState()).toEqual(before.project)
    const quotes = readdirSync(join(outDir, 'blog', 'unsafe-quote-id', 'quote'))
    expect(quotes).toHaveLength(1)
    expect(quotes[0]).toMatch(/^q-/)
  })

  it('publishes nothing from outside the posts folder: not in pages, feeds or data', async () => {
    const leaks = listTree(outDir).filter((path) => {
      try {
        return readFileSync(join(outDir, path)).includes(SECRET)
      } catch {
        return false // a folder
      }
    })
    expect(leaks).toEqual([])
    const index = { posts: await builtPosts((path) => readFileSync(join(outDir, path), 'utf8')) }
    expect(index.posts.map((post) => post.slug)).not.toContain('secret')
    expect(index.posts.map((post) => post.slug)).not.toContain('linked-secret')
  })

  it('reads the page data, not a post paragraph with its id, and renames the post ids', async () => {
    await open('blog/data-id/')
    expect(await page.locator('h1').textContent()).toBe('A post that claims the page data')
    expect(await page.locator('#prerendered-data-post').count()).toBe(2)
    expect(await page.locator('.post-body a', { hasText: 'Back to the heading' }).getAttribute('href')).toBe('#prerendered-data-post')
    // The skip link still reaches the app's main, not the post's "Main" heading.
    expect(await page.locator('main#main').count()).toBe(1)
    expect(await page.locator('#main-post').textContent()).toContain('Main')
    await page.goto(`${url}blog/data-id/#prerendered-data-post`, { waitUntil: 'networkidle' })
    await appReady(page)
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
  })

  it("shows $' $` $$ $& as written in the title, the text, the quote and a code span, and the app starts", async () => {
    await open('blog/dollar-patterns/')
    const title = "Prices: $' and $` and $$ and $&"
    expect(await page.locator('h1').textContent()).toBe(title)
    expect(await page.title()).toContain(title)
    expect(await page.locator('.post-body code').first().textContent()).toBe('$$x')
    expect(await page.locator('.post-body blockquote').innerText()).toContain("Quote with $' and $$ in it")
    expect(errors).toEqual([])
  })

  it("shows a description's formatting on the card and under the post's title, runs none of its script, links only to http(s)", async () => {
    const text = 'A bold claim with style and a trap, a safe link'
    const expectFormattedOnly = async (description: Locator) => {
      expect(await description.innerText()).toBe(text)
      expect(await description.locator('strong').textContent()).toBe('bold')
      expect(await description.locator('em').textContent()).toBe('style')
      expect(await description.locator('a').evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute('href')]))).toEqual([['a safe link', 'https://example.com/safe']])
      expect(await description.locator('script, img, iframe, svg, [onclick], [onmouseover], [onerror]').count()).toBe(0)
      await description.locator('strong').dispatchEvent('mouseover')
    }
    await open('')
    await expectFormattedOnly(page.locator('.post-card', { hasText: 'A hostile description' }).locator('.post-card-excerpt'))
    await open('blog/hostile-description/')
    await expectFormattedOnly(page.locator('.post-header .post-description'))
    // Meta tags and feeds have the text alone.
    expect(await page.locator('meta[name=description]').getAttribute('content')).toBe(text)
    expect(readFileSync(join(outDir, 'feed.xml'), 'utf8')).toContain(`<summary type="text">${text}</summary>`)
    const cardChunks = readdirSync(join(outDir, 'data/list/cards')).map((name) => `data/list/cards/${name}`)
    for (const file of ['index.html', 'blog/hostile-description/index.html', 'feed.xml', 'feed.json', 'data/list/catalog.json', ...cardChunks]) {
      expect(readFileSync(join(outDir, file), 'utf8'), file).not.toContain('__pwned')
    }
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
  })

  it('keeps a post link with the card title class from covering the page', async () => {
    await open('blog/covering-link/')
    const evil = page.locator('a[href="https://evil.example.com/"]')
    expect(await evil.locator('..').getAttribute('class')).toBe('author-post-card-title')
    const box = (await page.locator('.site-title').boundingBox())!
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('a')?.getAttribute('href') ?? null, [box.x + box.width / 2, box.y + box.height / 2])
    expect(hit).not.toBe('https://evil.example.com/')
    expect(errors).toEqual([])
  })

  it('gives an emoji tag its page, and keeps the tags page where it is', async () => {
    await open(`blog/tags/${encodeURIComponent('🙂')}/`)
    expect(await page.locator('.post-list').innerText()).toContain('Tags with no letters, dots and emoji')
    await open('blog/tags/')
    expect(await page.locator('h1').textContent()).toMatch(/tags/i)
    expect(readdirSync(join(outDir, 'blog', 'tags')).filter((name) => /^\.+$/.test(name))).toEqual([])
    expect(errors).toEqual([])
  })

  it('keeps fifty of a thousand tags', async () => {
    const post = await builtPostData((path) => readFileSync(join(outDir, path), 'utf8'), 'thousand-tags')
    expect(post.summary.tags).toHaveLength(50)
  })

  it('writes a feed that an XML parser reads, control characters and all', async () => {
    await open('')
    const parsed = await page.evaluate(async () => {
      const text = await (await fetch('feed.xml')).text()
      const xml = new DOMParser().parseFromString(text, 'application/xml')
      return { error: xml.querySelector('parsererror')?.textContent ?? null, titles: Array.from(xml.querySelectorAll('entry > title'), (title) => title.textContent) }
    })
    expect(parsed.error).toBeNull()
    expect(parsed.titles).toContain('Control characters')
  })

  it('shows the post at a URL with a malformed escape', async () => {
    await open('blog/dollar-patterns/#%')
    expect(await page.locator('h1').textContent()).toBe("Prices: $' and $` and $$ and $&")
    expect(errors).toEqual([])
  })

  it.each([
    ['page/0/', 'There is no page'],
    ['?page=-5', 'There is no page'],
    ['?q=%25%&tags=%', 'No posts'],
  ])('answers %s with a page of the list, not an error page', async (path, text) => {
    await open(path)
    expect(await page.locator('main').innerText()).toContain(text)
    expect(await page.locator('main').innerText()).not.toMatch(/something went wrong|malformed/i)
    expect(errors.filter((error) => !error.includes('404'))).toEqual([])
  })

  it('publishes a long quote with its card, and a Latin-1 post with its text', async () => {
    await open('blog/long-word-quote/')
    expect(await page.locator('h1').textContent()).toBe('A quote of one long word')
    const cards = readdirSync(join(outDir, 'cards', 'long-word-quote'))
    expect(cards).toHaveLength(1)
    await open('blog/latin-1/')
    expect(await page.locator('h1').textContent()).toBe('Caf\uFFFD')
    expect(dialogs).toEqual([])
  })
})

describe('hostile posts that are refused', () => {
  it('stops the build naming each post, and writes nothing outside dist/', async () => {
    const { posts, outDir } = stage('refused', (folder) => {
      writeFileSync(join(folder, '2021-02-07-image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))
      const levels = Array.from({ length: 1000 }, (_, level) => `${' '.repeat(level * 2)}- item ${level}`)
      writeFileSync(join(folder, '2021-02-05-deep-list.md'), `---\ntitle: Deep list\n---\n${levels.join('\n')}\n`)
    })
    const before = { tree: listTree(tree), project: projectState() }
    const message = await buildError(posts, outDir)
    expect(listTree(tree, [relative(tree, outDir)])).toEqual(before.tree)
    expect(projectState()).toEqual(before.project)
    const shown = (name: string) => message.split('\n').find((line) => line.includes(name)) ?? `(no line for ${name})`
    expect(shown('2021-02-01-slug-dot-dot.md')).toContain('gives the slug "..", which is ".."')
    expect(shown('2021-02-02-slug-dot.md')).toContain('gives the slug ".", which is "."')
    expect(shown('2021-02-03-permalink-climbs.md')).toContain('`permalink: /../../../x/` cannot be published')
    expect(shown('2021-02-04-permalink-project-index.md')).toContain('`permalink: /../index.html` cannot be published')
    expect(shown('2021-02-05-deep-list.md')).toMatch(/:\d+:1: Lists or quotes nested about \d+ levels deep/)
    expect(shown('2021-02-06-long-slug.md')).toContain('longer than 200 bytes')
    expect(shown('2021-02-07-image.md')).toContain('This is a binary file')
  })
})

describe('hostile posts whose pages collide', () => {
  it('stops the build naming both sources of each file', async () => {
    const { posts, outDir } = stage('colliding')
    const before = { tree: listTree(tree), project: projectState() }
    const message = await buildError(posts, outDir)
    expect(listTree(tree, [relative(tree, outDir)])).toEqual(before.tree)
    expect(projectState()).toEqual(before.project)
    expect(message).toMatch(/2021-03-01-permalink-index\.md \(permalink: \/index\.html\) and by the post list's page 1/)
    expect(message).toMatch(/2021-03-02-permalink-404\.md \(permalink: \/404\.html\) and by the not-found page/)
    expect(message).toMatch(/dist\/blog\/victim\/index\.html would be written by .*2021-03-03-permalink-other-post\.md \(permalink: \/blog\/victim\/\) and by .*2021-03-04-victim\.md \(slug: victim\)/)
    expect(message).toMatch(/dist\/blog\/tags\/index\.html would be written by .*2021-03-05-slug-tags\.md \(slug: tags\) and by the tags page/)
    expect(message).toMatch(/2021-03-06-permalink-feed\.md \(permalink: \/feed\.xml\/\) and by the build's own feed\.xml/)
  })
})

describe('the dev server with hostile links', () => {
  let server: ViteDevServer | undefined

  afterAll(async () => {
    await server?.close()
  })

  it('keeps serving when a broken link, a loop and a link out appear', async () => {
    const { posts } = stage('dev', () => undefined)
    const previous = process.env.POSTS_DIR
    process.env.POSTS_DIR = posts
    try {
      server = await createServer({ logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } })
      await server.listen()
    } finally {
      if (previous === undefined) delete process.env.POSTS_DIR
      else process.env.POSTS_DIR = previous
    }
    const address = server.httpServer!.address()
    if (!address || typeof address === 'string') throw new Error('The dev server has no port')
    const index = async () => ({ posts: await builtPosts(async (path) => (await fetch(`http://127.0.0.1:${address.port}/${path}`)).text()) })
    expect((await index()).posts.map((post) => post.slug)).toEqual(['ordinary'])
    symlinkSync(join(tree, 'nowhere.md'), join(posts, 'dangling.md'))
    symlinkSync(join(tree, 'secrets', '2021-05-01-secret.md'), join(posts, '2021-05-01-linked-secret.md'))
    writeFileSync(join(posts, '2021-06-02-added.md'), '---\ntitle: Added\n---\nA post added after the links.\n')
    await expect.poll(async () => (await index()).posts.map((post) => post.slug), { timeout: 10_000 }).toEqual(['added', 'ordinary'])
  })
})

/** A site folder (SITE_DIR) staged in the tree, with links git cannot hold: out, to `_config.yml`, broken, looping. */
function stageSite() {
  const site = join(tree, 'site')
  cpSync(join(FIXTURES, 'site'), site, { recursive: true })
  const secret = join(tree, 'secrets', '2021-05-01-secret.md')
  symlinkSync(secret, join(site, 'assets', 'key.txt'))
  symlinkSync(secret, join(site, '_posts', '2021-05-01-linked-secret.md'))
  symlinkSync(secret, join(site, '_includes', 'leak.html'))
  symlinkSync(join(tree, 'secrets'), join(site, '_data', 'linked'))
  symlinkSync(join(tree, 'secrets'), join(site, 'pages', 'linked'))
  symlinkSync(join(site, '_config.yml'), join(site, 'config.txt'))
  symlinkSync(join(tree, 'nowhere.txt'), join(site, 'assets', 'dangling.txt'))
  symlinkSync(join(site, 'assets'), join(site, 'assets', 'again'))
  return { site, outDir: join(site, 'dist') }
}

/** Builds with SITE_DIR, returning the build's warnings as printed. */
async function buildSiteFolder(siteDir: string, outDir: string): Promise<string[]> {
  const warnings: string[] = []
  const logger = createLogger('warn')
  // Vite colors warnings where CI is set (picocolors reads it); the test reads their text.
  const plain = (message: string) => message.replace(/\u001b\[[0-9;]*m/g, '')
  logger.warn = (message) => void warnings.push(plain(message))
  logger.warnOnce = (message) => void warnings.push(plain(message))
  const previous = process.env.SITE_DIR
  process.env.SITE_DIR = siteDir
  try {
    await build({ customLogger: logger, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  } finally {
    if (previous === undefined) delete process.env.SITE_DIR
    else process.env.SITE_DIR = previous
  }
  return warnings
}

/** A GET sent as written: fetch() would resolve `..` and `%2e%2e` before sending. */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolvePromise, reject) => {
    get({ host: '127.0.0.1', port, path }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolvePromise({ status: response.statusCode ?? 0, body }))
    }).on('error', reject)
  })
}

describe('a hostile site folder (SITE_DIR)', () => {
  let outDir: string
  let siteDir: string
  let warnings: string[]
  let url: string
  const before = { tree: [] as string[], project: projectState() }

  beforeAll(async () => {
    const staged = stageSite()
    siteDir = staged.site
    outDir = staged.outDir
    before.tree = listTree(tree)
    warnings = (await buildSiteFolder(siteDir, outDir)).map((warning) => warning.replaceAll(`${tree}/`, ''))
    const served = await serveBuild(outDir)
    servers.push(served.server)
    url = served.url
  })

  const warned = (pattern: RegExp) => warnings.filter((warning) => pattern.test(warning))

  it('writes nothing outside dist/, and publishes nothing reached by a link out of the site folder', () => {
    expect(listTree(tree, [relative(tree, outDir)])).toEqual(before.tree)
    expect(projectState()).toEqual(before.project)
    const leaks = listTree(outDir).filter((path) => {
      try {
        return readFileSync(join(outDir, path)).includes(SECRET)
      } catch {
        return false // a folder
      }
    })
    expect(leaks).toEqual([])
    for (const file of ['assets/key.txt', 'config.txt', 'assets/dangling.txt', 'assets/again/notes.txt', 'climbed.html']) expect(existsSync(join(outDir, file)), file).toBe(false)
    expect(readFileSync(join(outDir, 'assets', 'notes.txt'), 'utf8')).toBe('plain asset\n')
  })

  it('names each link it left out', () => {
    expect(warned(/This link/)).toEqual([
      `site/assets/again: This link leads round in a loop; it was left out. Remove it`,
      `site/assets/dangling.txt: This link points to nothing; it was left out. Remove it or point it at a file in the site folder`,
      `site/assets/key.txt: This link points outside the site folder (to ${tree}/secrets/2021-05-01-secret.md); it was left out, since a post may come from anyone. Copy the file into the site folder instead`,
      'site/config.txt: This link points to _config.yml, which Jekyll never publishes (a `_` or `.` file or folder); it was left out. Remove the link',
      `site/pages/linked: This link points outside the site folder (to ${tree}/secrets); it was left out, since a post may come from anyone. Copy the file into the site folder instead`,
      `site/_data/linked: This link points outside the site folder (to ${tree}/secrets); it was left out, since a post may come from anyone. Copy the file into the site folder instead`,
      `site/_includes/leak.html: This link points outside the site folder (to ${tree}/secrets/2021-05-01-secret.md); it was left out, since a post may come from anyone. Copy the file into the site folder instead`,
      `site/_posts/2021-05-01-linked-secret.md: This link points outside the posts folder (to ${tree}/secrets/2021-05-01-secret.md); it was left out, since a post may come from anyone. Copy the file into the posts folder instead`,
    ].map((line) => `[plugin jekyll-posts] ${line.replaceAll(`${tree}/`, '')}`))
  })

  it("keeps the post's page, the app's pages and the build's files, leaving out each site file that lands on one, naming both", () => {
    expect(readFileSync(join(outDir, 'blog', 'victim', 'index.html'), 'utf8')).not.toContain('Thief page')
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).not.toContain("the theme's old home page")
    expect(readFileSync(join(outDir, 'feed.xml'), 'utf8')).toMatch(/^<\?xml/)
    expect(readFileSync(join(outDir, 'same', 'index.html'), 'utf8')).toContain('First of two')
    expect(warned(/would be written by/)).toEqual([
      'site/pages/second.md: dist/same/index.html would be written by site/pages/second.md (permalink: /same/) and by site/pages/first.md (permalink: /same/): this page is not published. Give it another `permalink:`',
      'site/pages/thief.md: dist/blog/victim/index.html would be written by site/pages/thief.md (permalink: /blog/victim/) and by site/_posts/2021-01-01-victim.md (slug: victim): this page is not published. Give it another `permalink:`',
      'site/blog/victim/index.html: dist/blog/victim/index.html would be written by the static file site/blog/victim/index.html and by site/_posts/2021-01-01-victim.md (slug: victim): this static file is not copied. Rename or move it',
      "site/feed.xml: dist/feed.xml would be written by the static file site/feed.xml and by the build's own feed.xml: this static file is not copied. Rename or move it",
      "site/index.html: dist/index.html would be written by the static file site/index.html and by the post list's page 1: this static file is not copied. Rename or move it",
    ].map((line) => `[plugin jekyll-posts] ${line}`))
    expect(warned(/pages\/(home|missing|climb)\.md/)).toEqual([
      "[plugin jekyll-posts] site/pages/home.md: not published at /index.html, which is the post list of the app; the app's page is served there. Give this page another `permalink:` to keep it",
      "[plugin jekyll-posts] site/pages/missing.md: not published at /404.html, which is the not-found page of the app; the app's page is served there. Give this page another `permalink:` to keep it",
      '[plugin jekyll-posts] site/pages/climb.md: The path "/%2e%2e/%2e%2e/climbed.html" cannot be a file under dist/: its part ".." is "..", which names a folder, not a page of its own; it is not published. Fix its `permalink:` or `redirect_from:`',
    ])
  })

  it('writes no redirect to a script or off the site, and names a broken data file by its line', () => {
    expect(existsSync(join(outDir, 'jump'))).toBe(false)
    expect(existsSync(join(outDir, 'backslash'))).toBe(false)
    expect(warned(/no redirect (to|from)|_data\/broken/)).toEqual([
      "[plugin jekyll-posts] site/_data/broken.json:4:3: not read as site.data (not valid JSON: invalid symbol). Fix the file's syntax",
      '[plugin jekyll-posts] pages/backslash.md: no redirect to /\\evil.example/: a redirect goes to an http(s) address or a path of this site. Fix `redirect_to:`',
      '[plugin jekyll-posts] pages/dollar.md: no redirect from /same/: it is a page of the site. Remove it from `redirect_from:`',
      '[plugin jekyll-posts] pages/dollar.md: no redirect from /a/../../../escape/: not a path of this site (no address, query or `..`). Fix `redirect_from:`',
      "[plugin jekyll-posts] pages/jump.md: no redirect to javascript:alert('redirect'): a redirect goes to an http(s) address or a path of this site. Fix `redirect_to:`",
    ])
  })

  it("shows a page's and the site's titles with $ patterns and markup as text, running none of it", async () => {
    const page = await context.newPage()
    const errors = watchErrors(page)
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort())
    const title = "Prices $' $& $` </title><script>alert('title')</script>"
    const site = "Hostile </title><script>alert('config')</script> $& $'"
    await page.goto(`${url}old-dollar/`, { waitUntil: 'networkidle' })
    expect(new URL(page.url()).pathname).toBe('/dollar/')
    expect(await page.locator('main h1').textContent()).toBe(title)
    expect(await page.title()).toBe(`${title} · ${site}`)
    expect(await page.locator('meta[name=description]').getAttribute('content')).toBe(`Description $' "quoted"`)
    expect(await page.locator('.post-body').innerText()).toContain("Body of the page with $' and $&.")
    await page.goto(url, { waitUntil: 'networkidle' })
    await appReady(page)
    expect(await page.locator('.site-title').first().textContent()).toBe(site)
    expect(await page.locator('footer').innerText()).toContain("Written by Eve <script>alert('author')</script>.")
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  describe('served by the dev server', () => {
    let server: ViteDevServer | undefined
    let port: number

    beforeAll(async () => {
      const previous = process.env.SITE_DIR
      process.env.SITE_DIR = siteDir
      try {
        server = await createServer({ logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } })
        await server.listen()
      } finally {
        if (previous === undefined) delete process.env.SITE_DIR
        else process.env.SITE_DIR = previous
      }
      const address = server.httpServer!.address()
      if (!address || typeof address === 'string') throw new Error('The dev server has no port')
      port = address.port
    })

    afterAll(async () => {
      await server?.close()
    })

    it('serves a static file of the site', async () => {
      expect(await rawGet(port, '/assets/notes.txt')).toEqual({ status: 200, body: 'plain asset\n' })
    })

    it.each([
      '/_config.yml',
      '/config.txt',
      '/_data/authors.yml',
      '/assets/key.txt',
      '/assets/../_config.yml',
      '/assets/%2e%2e/_config.yml',
      '/%2e%2e/secrets/2021-05-01-secret.md',
      '/assets/%2E%2E/%2e%2e/secrets/2021-05-01-secret.md',
      '/assets%2f..%2f_config.yml',
      '/assets%5C..%5C_config.yml',
      '/assets/again/notes.txt',
    ])('never answers %s with a file it must not serve', async (path) => {
      const { body } = await rawGet(port, path)
      expect(body).not.toContain(SECRET)
      expect(body).not.toContain('# A site folder written as an attacker')
      expect(body).not.toContain('name: Ada')
    })
  })
})
