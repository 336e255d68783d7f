import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildCacheFolder, codeKey, hashTree, memoIn, openBuildCache, pipelineKey, plainPipelineKey, pruneBuildCache, usesLiquid } from './build-cache.ts'
import { createBuildPool, type PoolSetup } from './build-pool.ts'
import { readJekyllSite } from '../site/read-site.ts'
import type { PostInSite } from '../post/load-post.ts'

const scratch = mkdtempSync(join(tmpdir(), 'build-cache-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function write(path: string, text: string) {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
}

/** The cache as the build hands it to the pool: both pipeline keys of this setup. */
function poolCache(folder: string, setup: PoolSetup, settings: unknown) {
  const code = codeKey()
  return { folder, pipeline: pipelineKey({ code, settings, setup }), plain: plainPipelineKey({ code, setup }) }
}

/** How many values the cache holds of a kind: each one was made once, by a render. */
function entries(folder: string, kind: string): number {
  try {
    return readdirSync(join(folder, kind)).reduce((sum, prefix) => sum + readdirSync(join(folder, kind, prefix)).length, 0)
  } catch {
    return 0
  }
}

describe('the pipeline key', () => {
  const site = join(scratch, 'site')
  write(join(site, '_posts/2024-01-01-a.md'), '---\ntitle: A\n---\nA\n')
  write(join(site, '_includes/note.html'), '<p>{{ include.text }}</p>')
  write(join(site, '_data/authors.yml'), 'ann: Ann\n')
  write(join(site, '_config.yml'), 'title: Blog\n')
  write(join(site, 'assets/peers.png'), 'not really a png')
  // As the build makes it: the site as read now, so an edit of _config.yml or _data/ is in it.
  const setup = () => ({ root: site, basePath: '/', publicDir: null, site: readJekyllSite({ siteDir: site, cwd: site, drafts: false, env: {} }) })
  const key = () => pipelineKey({ code: 'code', settings: { title: 'Blog' }, setup: setup() })

  it('changes with everything a render depends on besides the post, and only with that', () => {
    const first = key()
    expect(key()).toBe(first)
    expect(pipelineKey({ code: 'other code', settings: { title: 'Blog' }, setup: setup() })).not.toBe(first)
    expect(pipelineKey({ code: 'code', settings: { title: 'Other' }, setup: setup() })).not.toBe(first)
    const underSubPath = { ...setup(), basePath: '/sub/' }
    expect(pipelineKey({ code: 'code', settings: { title: 'Blog' }, setup: underSubPath })).not.toBe(first)
    write(join(site, '_includes/note.html'), '<p class="note">{{ include.text }}</p>')
    const afterInclude = key()
    expect(afterInclude).not.toBe(first)
    write(join(site, '_data/authors.yml'), 'ann: Ann B.\n')
    const afterData = key()
    expect(afterData).not.toBe(afterInclude)
    write(join(site, '_config.yml'), 'title: Blog\nurl: https://x.example\n')
    const afterConfig = key()
    expect(afterConfig).not.toBe(afterData)
    // A post's image is looked up and measured among the site's static files.
    write(join(site, 'assets/peers.png'), 'another image, of another size')
    expect(key()).not.toBe(afterConfig)
    // A post is not part of it: editing one must not re-render the others.
    const beforeEdit = key()
    write(join(site, '_posts/2024-01-01-a.md'), '---\ntitle: A\n---\nA, edited\n')
    expect(key()).toBe(beforeEdit)
  })

  it('of a post without Liquid changes with the code, base path and images, not with settings, data, includes or posts', () => {
    const plain = (code = 'code', basePath = '/') => plainPipelineKey({ code, setup: { ...setup(), basePath } })
    const first = plain()
    write(join(site, '_config.yml'), 'title: Another title\n')
    write(join(site, '_data/authors.yml'), 'ann: Ann C.\n')
    write(join(site, '_includes/note.html'), '<aside>{{ include.text }}</aside>')
    write(join(site, '_posts/2024-01-02-b.md'), '---\ntitle: B\n---\nB\n')
    expect(plain()).toBe(first)
    expect(plain('other code')).not.toBe(first)
    expect(plain('code', '/sub/')).not.toBe(first)
    write(join(site, 'assets/peers.png'), 'a third image, of a third size')
    expect(plain()).not.toBe(first)
  })

  it('hashes the code it is given: a changed pipeline file or package-lock.json changes it', () => {
    const project = join(scratch, 'project')
    write(join(project, 'src/content/a.ts'), 'export const a = 1')
    write(join(project, 'src/markdown/b.ts'), 'export const b = 1')
    write(join(project, 'package-lock.json'), '{"packages":{"node_modules/x":{"version":"1.0.0"}}}')
    const first = codeKey(project)
    write(join(project, 'src/markdown/b.ts'), 'export const b = 2')
    const second = codeKey(project)
    expect(second).not.toBe(first)
    write(join(project, 'package-lock.json'), '{"packages":{"node_modules/x":{"version":"1.0.1"}}}')
    expect(codeKey(project)).not.toBe(second)
    // Shared modules reach stored posts too (tag keys, passage text).
    const third = codeKey(project)
    write(join(project, 'src/shared/tag-key.ts'), 'export const tagKey = 1')
    expect(codeKey(project)).not.toBe(third)
    write(join(project, 'src/features/c.ts'), 'not the pipeline')
    expect(hashTree(project, ['src/content', 'src/markdown', 'src/shared', 'src/site-settings.ts', 'package-lock.json'])).toBe(codeKey(project))
  })
})

describe('the cache folder', () => {
  it('is .cache/jekyll-reader in the project, BUILD_CACHE_DIR elsewhere, none with BUILD_CACHE=false', () => {
    expect(buildCacheFolder('/blog', {})).toBe('/blog/.cache/jekyll-reader')
    expect(buildCacheFolder('/blog', { BUILD_CACHE_DIR: '/ci/cache' })).toBe('/ci/cache')
    expect(buildCacheFolder('/blog', { BUILD_CACHE: 'false' })).toBeNull()
  })

  it('gives back a value made from the same salt and input, and makes it again for another', async () => {
    const memo = memoIn(openBuildCache(join(scratch, 'memo')), 'salt')
    let made = 0
    const make = async () => `page ${++made}`
    expect(await memo('pages', 'post a', make)).toBe('page 1')
    expect((await memo('pages', 'post a', make)).toString()).toBe('page 1')
    expect(await memo('pages', 'post b', make)).toBe('page 2')
    expect(await memoIn(openBuildCache(join(scratch, 'memo')), 'other salt')('pages', 'post a', make)).toBe('page 3')
  })
})

describe('a build with the cache', () => {
  const root = join(scratch, 'blog')
  const posts = join(root, '_posts')
  const folder = join(root, '.cache/jekyll-reader')
  const names = ['2024-01-01-one.md', '2024-01-02-two.md', '2024-01-03-three.md']
  for (const name of names) write(join(posts, name), `---\ntitle: ${name}\n---\nThe text of ${name}, with a {% include elements/highlight.html text="highlight" %} and [a link]({{ site.baseurl }}/about/).\n`)
  const setup = (basePath = '/'): PoolSetup => ({
    // The workers run from the project (they import tsx from its node_modules), as in a real build.
    root: process.cwd(),
    site: { ...readJekyllSite({ siteDir: root, cwd: root, drafts: false, env: {} }), basePath },
    basePath,
    publicDir: null,
    postCount: names.length,
  })

  async function build(basePath = '/') {
    const pool = createBuildPool(setup(basePath), poolCache(folder, setup(basePath), { basePath }))
    try {
      return await Promise.all(names.map((name) => pool.loadPost(join(posts, name))))
    } finally {
      await pool.close()
    }
  }

  it('renders only the edited post again, gives the others back unchanged, and renders all again for a new setting', async () => {
    const first = await build()
    expect(entries(folder, 'posts')).toBe(3)
    expect(await build()).toEqual(first)
    expect(entries(folder, 'posts')).toBe(3)

    // The text only: front matter is in what Liquid sees of every post (`site.posts`), so editing it renders all again.
    write(join(posts, names[1]!), `---\ntitle: ${names[1]}\n---\nNew text.\n`)
    const edited = await build()
    expect(entries(folder, 'posts')).toBe(4)
    expect(edited[1]!.body).toContain('New text.')
    expect(edited[0]).toEqual(first[0])

    const underSubPath = await build('/sub/')
    expect(entries(folder, 'posts')).toBe(7)
    expect(underSubPath[0]!.body).toContain('"href":"/sub/about/"')
    expect(first[0]!.body).toContain('"href":"/about/"')
  }, 60_000)
})

describe('a post without Liquid', () => {
  it('is one whose file has no `{{` and no `{%`', () => {
    expect(usesLiquid('---\ntitle: A\n---\nPlain *markdown*, {braces} and 100% of it.\n')).toBe(false)
    expect(usesLiquid('Text {{ site.title }}')).toBe(true)
    expect(usesLiquid('{%- if true -%}x{% endif %}')).toBe(true)
    expect(usesLiquid('---\ntitle: "{{ not rendered, but counted }}"\n---\n')).toBe(true)
  })
})

describe('a build with the cache, posts with and without Liquid', () => {
  const root = join(scratch, 'mixed')
  const posts = join(root, '_posts')
  const folder = join(root, '.cache/jekyll-reader')
  const plain = ['2024-01-01-one.md', '2024-01-02-two.md', '2024-01-03-three.md']
  const liquid = ['2024-02-01-titles.md', '2024-02-02-relative.md']
  const names = [...plain, ...liquid]
  for (const name of plain) write(join(posts, name), `---\ntitle: Title of ${name}\n---\nThe text of ${name}.\n`)
  write(join(posts, liquid[0]!), '---\ntitle: Titles\n---\nEvery title: {% for post in site.posts %}[{{ post.title }}] {% endfor %}\n')
  write(join(posts, liquid[1]!), '---\ntitle: Relative\n---\nBirds: {% include_relative snippets/birds.txt %}\n')
  write(join(posts, 'snippets/birds.txt'), 'wren, robin')
  const setup = (): PoolSetup => {
    const site = readJekyllSite({ siteDir: root, cwd: root, drafts: false, env: {} })
    return {
      root: process.cwd(),
      site,
      basePath: '/',
      publicDir: null,
      siteDir: root,
      // As the build hands them over: each post's path in the site, which include_relative starts from.
      postsInSite: site.documents.flatMap((document) => (document.kind === 'post' && document.file ? [[document.file, { permalink: null, path: document.path }] as [string, PostInSite]] : [])),
      postCount: names.length,
    }
  }

  async function build() {
    const pool = createBuildPool(setup(), poolCache(folder, setup(), { basePath: '/' }))
    try {
      return await Promise.all(names.map((name) => pool.loadPost(join(posts, name))))
    } finally {
      await pool.close()
    }
  }

  it('renders again the edited post and the posts with Liquid when front matter changes, and a post whose include_relative file changed', async () => {
    const first = await build()
    expect(entries(folder, 'posts')).toBe(5)
    expect(first[3]!.body).toContain('[Title of 2024-01-02-two.md]')
    expect(first[4]!.body).toContain('wren, robin')

    // Another title is in what Liquid sees of every post (`site.posts`): the edited post and the two
    // with Liquid are rendered again, the two other posts without Liquid are not.
    write(join(posts, plain[1]!), `---\ntitle: A new title\n---\nThe text of ${plain[1]}.\n`)
    const edited = await build()
    expect(entries(folder, 'posts')).toBe(8)
    expect(edited[1]!.summary.title).toBe('A new title')
    expect(edited[3]!.body).toContain('[A new title]')
    expect(edited[3]!.body).not.toContain('[Title of 2024-01-02-two.md]')
    expect(edited[0]).toEqual(first[0])
    expect(edited[2]).toEqual(first[2])

    // The file include_relative reads is neither a post, an include nor a static file: only its bytes tell.
    write(join(posts, 'snippets/birds.txt'), 'wren, robin, heron')
    const relative = await build()
    expect(relative[4]!.body).toContain('wren, robin, heron')
    expect(relative[3]).toEqual(edited[3])
    expect(relative[0]).toEqual(first[0])
  }, 90_000)
})

describe('pruning', () => {
  it('removes the entries a build did not read or write, and keeps those it did', () => {
    const folder = join(scratch, 'prune')
    const cache = openBuildCache(folder)
    cache.set('posts', 'aa-used-again', 'a')
    cache.set('posts', 'bb-not-used', 'b')
    cache.set('cards', 'cc-not-used', 'c')
    // Made by an earlier build, an hour ago.
    const anHourAgo = new Date(Date.now() - 3_600_000)
    for (const path of ['posts/aa/aa-used-again', 'posts/bb/bb-not-used', 'cards/cc/cc-not-used']) utimesSync(join(folder, path), anHourAgo, anHourAgo)

    const buildStarted = Date.now()
    expect(cache.get('posts', 'aa-used-again')?.toString()).toBe('a')
    cache.set('posts', 'dd-new', 'd')
    expect(pruneBuildCache(folder, buildStarted)).toBe(2)

    expect(cache.get('posts', 'aa-used-again')?.toString()).toBe('a')
    expect(cache.get('posts', 'dd-new')?.toString()).toBe('d')
    expect(cache.get('posts', 'bb-not-used')).toBeUndefined()
    expect(cache.get('cards', 'cc-not-used')).toBeUndefined()
    // No empty folders left behind either.
    expect(existsSync(join(folder, 'cards'))).toBe(false)
    expect(existsSync(join(folder, 'posts/bb'))).toBe(false)
  })
})
