import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { planOutputs } from './output-plan.ts'
import { siteOutputs, siteUrlFile } from './site-outputs.ts'
import { writeSiteOutputs } from './write-site-outputs.ts'
import { buildCollection } from '../site/collection.ts'
import { loadPost } from '../post/load-post.ts'
import { storePost } from '../post/stored-post.ts'
import { createPostPipeline } from '../markdown/render-markdown.ts'
import { testOptions } from '../markdown/test-pipeline.ts'
import { formatProblem } from '../post/problem.ts'
import type { LoadedPage } from '../post/load-page.ts'
import { defaultSiteSettings } from '../../site-settings.ts'

const pipeline = createPostPipeline(testOptions)
const post = (file: string, frontMatter: string) => storePost(loadPost(file, `---\ntitle: T\n${frontMatter}\n---\nText.\n`, pipeline))
const page = (file: string, url: string): LoadedPage => ({ file, url, title: 'P', description: '', body: { type: 'root', children: [] }, problems: [] })
const collection = buildCollection([post('_posts/2021-01-01-victim.md', ''), post('_posts/2021-01-02-moved.md', 'permalink: /2021/moved.html')])
const shown = (file: string) => `site/${file}`

describe('siteUrlFile', () => {
  it('writes a URL where Jekyll does', () => {
    expect(['/about/', '/about', '/contact.html', '/atom.xml', '/caf%C3%A9/'].map(siteUrlFile)).toEqual(['about/index.html', 'about/index.html', 'contact.html', 'atom.xml', 'café/index.html'])
  })

  it('refuses a URL that would leave dist/ or name no file', () => {
    expect(() => siteUrlFile('/a/%2e%2e/%2e%2e/etc/')).toThrow('The path "/a/%2e%2e/%2e%2e/etc/" cannot be a file under dist/: its part ".." is "..", which names a folder, not a page of its own')
    expect(() => siteUrlFile('/a%00b/')).toThrow('its part "a\\u0000b" contains a control character')
    expect(() => siteUrlFile('/%E0%A4%A/')).toThrow('it has a % not followed by two hex digits')
  })
})

describe('planOutputs with a site folder', () => {
  const plan = (pages: LoadedPage[], redirects: Array<{ from: string; to: string; path: string }>, staticFiles: string[], feedUrls: string[] = []) => {
    const site = siteOutputs({ siteDir: '/site', staticFiles, feedUrls }, pages, redirects, shown)
    const planned = planOutputs(collection, [['feed.xml', "the build's own feed.xml"]], { highlightPages: true }, site.outputs)
    return { problems: [...site.problems, ...planned.problems].map((problem) => `${problem.fatal ? 'error' : 'warning'} ${formatProblem(problem)}`), written: planned.siteWrites.map((output) => output.file) }
  }

  it('writes pages, redirects, feed copies and static files that have a place of their own', () => {
    expect(plan([page('site/about.md', '/about/')], [{ from: '/me/', to: '/about/', path: 'about.md' }], ['assets/logo.png'], ['/atom.xml'])).toEqual({
      problems: [],
      written: ['about/index.html', 'me/index.html', 'atom.xml', 'assets/logo.png'],
    })
  })

  it("leaves out, with a warning naming both files, each site file landing on a post's page, the app's pages, a generated file or another site file", () => {
    const { problems, written } = plan(
      [page('site/thief.md', '/blog/victim/'), page('site/home.md', '/index.html'), page('site/missing.md', '/404.html'), page('site/a.md', '/same/'), page('site/b.md', '/same/')],
      [{ from: '/2021/moved.html', to: '/about/', path: 'about.md' }, { from: '/same/', to: '/x/', path: 'c.md' }],
      ['feed.xml', 'index.html', 'blog/victim/index.html'],
    )
    expect(written).toEqual(['same/index.html'])
    expect(problems).toEqual([
      'warning site/thief.md: dist/blog/victim/index.html would be written by site/thief.md (permalink: /blog/victim/) and by _posts/2021-01-01-victim.md (slug: victim): this page is not published. Give it another `permalink:`',
      "warning site/home.md: dist/index.html would be written by site/home.md (permalink: /index.html) and by the post list's page 1: this page is not published. Give it another `permalink:`",
      'warning site/missing.md: dist/404.html would be written by site/missing.md (permalink: /404.html) and by the not-found page: this page is not published. Give it another `permalink:`',
      'warning site/b.md: dist/same/index.html would be written by site/b.md (permalink: /same/) and by site/a.md (permalink: /same/): this page is not published. Give it another `permalink:`',
      'warning site/about.md: dist/2021/moved.html would be written by the redirect from /2021/moved.html of site/about.md and by _posts/2021-01-02-moved.md (permalink: /2021/moved.html): this redirect is not written. Remove it from `redirect_from:`',
      'warning site/c.md: dist/same/index.html would be written by the redirect from /same/ of site/c.md and by site/a.md (permalink: /same/): this redirect is not written. Remove it from `redirect_from:`',
      "warning site/feed.xml: dist/feed.xml would be written by the static file site/feed.xml and by the build's own feed.xml: this static file is not copied. Rename or move it",
      "warning site/index.html: dist/index.html would be written by the static file site/index.html and by the post list's page 1: this static file is not copied. Rename or move it",
      'warning site/blog/victim/index.html: dist/blog/victim/index.html would be written by the static file site/blog/victim/index.html and by _posts/2021-01-01-victim.md (slug: victim): this static file is not copied. Rename or move it',
    ])
  })

  it('leaves out a page or redirect whose URL cannot be a file under dist/', () => {
    expect(plan([page('site/up.md', '/%2e%2e/%2e%2e/etc/passwd.html')], [{ from: '/a/../../x/', to: '/', path: 'r.md' }], [])).toEqual({
      problems: [
        'warning site/up.md: The path "/%2e%2e/%2e%2e/etc/passwd.html" cannot be a file under dist/: its part ".." is "..", which names a folder, not a page of its own; it is not published. Fix its `permalink:` or `redirect_from:`',
        'warning site/r.md: The path "/a/../../x/" cannot be a file under dist/: its part ".." is "..", which names a folder, not a page of its own; it is not published. Fix its `permalink:` or `redirect_from:`',
      ],
      written: [],
    })
  })
})

describe('writeSiteOutputs', () => {
  it('writes planned pages and copies static files, but not a static file swapped for a link out since it was listed', () => {
    const tree = mkdtempSync(join(tmpdir(), 'site-writes-'))
    try {
      const siteDir = join(tree, 'site')
      const outDir = join(tree, 'dist')
      mkdirSync(join(siteDir, 'assets'), { recursive: true })
      mkdirSync(outDir)
      writeFileSync(join(siteDir, 'assets', 'guide.pdf'), 'PDF')
      writeFileSync(join(tree, 'secret.txt'), 'hunter2')
      symlinkSync(join(tree, 'secret.txt'), join(siteDir, 'assets', 'swapped.txt'))
      const { outputs } = siteOutputs({ siteDir, staticFiles: ['assets/guide.pdf', 'assets/swapped.txt'] }, [page('site/about.md', '/about/')], [{ from: '/me/', to: '/about/', path: 'about.md' }], shown)
      const template = '<html><head></head><body><div id="root"></div></body></html>'
      expect(writeSiteOutputs(outDir, template, siteDir, outputs, defaultSiteSettings)).toEqual({ pages: 2, copied: 1 })
      expect(readFileSync(join(outDir, 'assets', 'guide.pdf'), 'utf8')).toBe('PDF')
      expect(existsSync(join(outDir, 'assets', 'swapped.txt'))).toBe(false)
      expect(readFileSync(join(outDir, 'me', 'index.html'), 'utf8')).toContain('content="0; url=/about/"')
      expect(readFileSync(join(outDir, 'about', 'index.html'), 'utf8')).toContain('<h1>P</h1>')
    } finally {
      rmSync(tree, { recursive: true, force: true })
    }
  })
})
