import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readJekyllSite, rereadPost } from './read-site.ts'

const SITE = 'e2e/fixtures/jekyll-site'
const env = {}

describe('readJekyllSite on a site folder', () => {
  const site = readJekyllSite({ siteDir: SITE, drafts: false, env })
  const urls = Object.fromEntries(site.documents.map((document) => [document.path, document.url]))

  it('reads every key of _config.yml, with the base path and URL as the app serves them', () => {
    expect(site.config).toMatchObject({ title: 'Field Notes', show_spoilers: true, author: { name: 'Ada Fixture' }, baseurl: '/field-notes', url: 'https://notes.example.org' })
    expect(site.basePath).toBe('/field-notes/')
  })

  it('publishes dated posts at their Jekyll URLs, the global permalink, categories and their own permalink', () => {
    expect(site.documents.filter((document) => document.kind === 'post').map((document) => [document.path, document.url])).toEqual([
      ['_posts/2023-05-06-liquid-tour.md', '/2023/05/06/liquid-tour.html'],
      ['_posts/2023-01-02-own-address.md', '/notes/own-address/'],
      ['_posts/2022-07-19-second-wind.md', '/travel/2022/07/19/second-wind.html'],
      ['_posts/2021-03-04-first-light.md', '/2021/03/04/first-light.html'],
      ['_posts/2020-06-01-html-post.html', '/2020/06/01/html-post.html'],
    ])
  })

  it('leaves an undated post out, and says how to publish it', () => {
    expect(site.warnings).toContain(
      `${SITE}/_posts/undated-idea.md: not published: Jekyll publishes a file of _posts only when its name starts with its date. Rename it YYYY-MM-DD-undated-idea.md, or move it out of _posts to make it a page`,
    )
  })

  it('publishes pages and output collections at their permalinks, not excluded files', () => {
    expect(urls).toMatchObject({ 'about.md': '/about/', 'pages/cv.md': '/cv/', 'contact.html': '/contact.html', 'pages/moved.md': '/old-cv/', '_projects/lantern.md': '/projects/lantern/' })
    expect(urls['notes-to-self.md']).toBeUndefined()
    expect(site.documents.find((document) => document.path === 'about.md')).toMatchObject({ kind: 'page', title: 'About these notes', redirectFrom: ['/me/'] })
  })

  it('gives a URL the app owns to the app, with a warning naming the page', () => {
    expect(urls['pages/blog.md']).toBeUndefined()
    expect(site.appRedirects).toEqual([{ from: '/blog/', to: '/' }])
    expect(site.warnings).toContain(`${SITE}/pages/blog.md: not published at /blog/, which is the post list of the app; the app's page is served there. Give this page another \`permalink:\` to keep it`)
  })

  it("gives the site's feed address the app's feed", () => {
    expect(site.feedUrls).toEqual(['/atom.xml'])
    expect(site.warnings).toContain(`${SITE}/atom.xml: the app's Atom feed (feed.xml) is written at /atom.xml in its place`)
  })

  it('lists static files: no front matter, not in _ folders, not excluded', () => {
    expect(site.staticFiles).toEqual(['README.txt', 'assets/docs/field-guide.pdf', 'assets/images/lamp.png', 'sw.js'])
  })

  it('reads _data and finds _includes', () => {
    expect(site.data).toEqual({
      links: { social: { github: 'https://github.com/field-notes', mastodon: 'https://example.social/@fieldnotes' } },
      places: [
        { place: 'Marsh', visits: '3' },
        { place: 'Ridge, north', visits: '1' },
      ],
      team: [
        { name: 'Ada Fixture', role: 'Editor' },
        { name: 'Grace Sample', role: 'Field researcher' },
      ],
    })
    expect(site.includeDirs).toHaveLength(1)
    expect(site.includeDirs[0]).toMatch(/jekyll-site\/_includes$/)
  })

  it('warns once that site.github is empty', () => {
    expect(site.warnings!.filter((warning) => warning.includes('site.github'))).toEqual([
      `${SITE}/contact.html: \`site.github\` (the jekyll-github-metadata plugin) is empty here: the app cannot ask GitHub for it. Write the values out in _config.yml or the post`,
    ])
  })

  it('reads _drafts only when asked', () => {
    expect(site.documents.some((document) => document.path.startsWith('_drafts/'))).toBe(false)
    const withDrafts = readJekyllSite({ siteDir: SITE, drafts: true, env })
    expect(withDrafts.documents.find((document) => document.path === '_drafts/half-written.md')).toMatchObject({ kind: 'post', url: '/blog/half-written/', date: null })
  })

  it('refuses a folder that is not a Jekyll site', () => {
    expect(() => readJekyllSite({ siteDir: 'src', drafts: false, env })).toThrow(/is not a Jekyll site: it has neither _config.yml nor _posts\//)
  })
})

describe('readJekyllSite on a posts folder alone', () => {
  it('keeps undated files as posts and makes a `layout: page` file a page', () => {
    const site = readJekyllSite({ postsDir: 'src/content/site/__fixtures__/posts-only/_posts', drafts: false, env })
    expect(site.siteDir).toBeNull()
    expect(site.documents.map((document) => [document.kind, document.path, document.url])).toEqual([
      ['post', '_posts/2020-05-06-dated.md', '/blog/dated/'],
      ['post', '_posts/undated.md', '/blog/undated/'],
      ['page', '_posts/cv.md', '/cv/'],
    ])
  })
})

describe('rereadPost', () => {
  it('reads one saved, added or removed post again, as reading the whole site would', () => {
    const siteDir = join(mkdtempSync(join(tmpdir(), 'site-')), 'blog')
    cpSync(SITE, siteDir, { recursive: true })
    const options = { siteDir, drafts: false, env }
    const site = readJekyllSite(options)
    const edited = join(siteDir, '_posts/2022-07-19-second-wind.md')
    writeFileSync(edited, '---\ntitle: Renamed\npermalink: /ridge/\n---\nBody.\n')
    const added = join(siteDir, '_posts/2024-05-06-new-one.md')
    writeFileSync(added, '---\ntitle: New one\n---\nBody.\n')
    rmSync(join(siteDir, '_posts/2021-03-04-first-light.md'))
    let updated = site
    for (const file of [edited, added, join(siteDir, '_posts/2021-03-04-first-light.md')]) updated = rereadPost(updated, file, options)!
    expect(updated.documents).toEqual(readJekyllSite(options).documents)
    expect(updated.documents.filter((document) => document.kind === 'post').map((document) => [document.title, document.url])).toEqual([
      ['New one', '/2024/05/06/new-one.html'],
      ['A tour of Liquid', '/2023/05/06/liquid-tour.html'],
      ['A post with its own address', '/notes/own-address/'],
      ['Renamed', '/ridge/'],
      ['An HTML post', '/2020/06/01/html-post.html'],
    ])
    expect(rereadPost(site, join(siteDir, '_config.yml'), options)).toBeNull()
  })

  it('does not read a post saved as a link out of the posts folder, and says so', () => {
    const tree = mkdtempSync(join(tmpdir(), 'site-'))
    const siteDir = join(tree, 'blog')
    cpSync(SITE, siteDir, { recursive: true })
    writeFileSync(join(tree, 'secret.md'), '---\ntitle: Secret\n---\nhunter2\n')
    const options = { siteDir, drafts: false, env, cwd: tree }
    const site = readJekyllSite(options)
    const link = join(siteDir, '_posts/2024-01-01-linked.md')
    symlinkSync(join(tree, 'secret.md'), link)
    const updated = rereadPost(site, link, options)!
    expect(updated.documents.map((document) => document.title)).not.toContain('Secret')
    expect(updated.warnings).toContain(
      `blog/_posts/2024-01-01-linked.md: This link points outside the posts folder (to ${join(tree, 'secret.md')}); it was left out, since a post may come from anyone. Copy the file into the posts folder instead`,
    )
    rmSync(tree, { recursive: true, force: true })
  })

  it('waits for a future post unless _config.yml says `future: true`', () => {
    const siteDir = join(mkdtempSync(join(tmpdir(), 'site-')), 'blog')
    cpSync(SITE, siteDir, { recursive: true })
    const future = join(siteDir, '_posts/2999-01-01-later.md')
    writeFileSync(future, '---\ntitle: Later\n---\nBody.\n')
    const site = readJekyllSite({ siteDir, drafts: false, env })
    expect(site.documents.some((document) => document.title === 'Later')).toBe(false)
    expect(site.warnings).toContain(`${future}: not published yet: it is dated 2999-01-01, and _config.yml does not say \`future: true\``)
    writeFileSync(join(siteDir, '_config.yml'), 'future: true\n')
    expect(readJekyllSite({ siteDir, drafts: false, env }).documents.some((document) => document.title === 'Later')).toBe(true)
  })
})

describe('readJekyllSite with links out of the site folder', () => {
  it('reads no draft, include, collection document or _data folder from outside, naming each link', () => {
    const tree = mkdtempSync(join(tmpdir(), 'read-site-links-'))
    try {
      const site = join(tree, 'site')
      cpSync(SITE, site, { recursive: true })
      mkdirSync(join(tree, 'outside'))
      writeFileSync(join(tree, 'outside', '2021-01-01-leak.md'), '---\ntitle: Leak\n---\nsecret')
      writeFileSync(join(tree, 'outside', 'leak.html'), 'secret')
      symlinkSync(join(tree, 'outside', '2021-01-01-leak.md'), join(site, '_drafts', '2021-01-01-leak.md'))
      symlinkSync(join(tree, 'outside', 'leak.html'), join(site, '_includes', 'leak.html'))
      symlinkSync(join(tree, 'outside', '2021-01-01-leak.md'), join(site, '_projects', 'leak.md'))
      const read = readJekyllSite({ siteDir: site, drafts: true, env, cwd: tree })
      expect(read.documents.map((document) => document.title)).not.toContain('Leak')
      expect(read.includeFiles).not.toContain('leak.html')
      const outside = (link: string, target: string) =>
        `${link}: This link points outside the ${link.startsWith('site/_drafts') ? 'drafts' : 'site'} folder (to ${join(tree, 'outside', target)}); it was left out, since a post may come from anyone. Copy the file into the ${link.startsWith('site/_drafts') ? 'drafts' : 'site'} folder instead`
      expect(read.warnings).toEqual(
        expect.arrayContaining([
          outside('site/_drafts/2021-01-01-leak.md', '2021-01-01-leak.md'),
          outside('site/_includes/leak.html', 'leak.html'),
          outside('site/_projects/leak.md', '2021-01-01-leak.md'),
        ]),
      )

      writeFileSync(join(site, '_config.yml'), `${readFileSync(join(SITE, '_config.yml'), 'utf8')}\ndata_dir: ../outside\nincludes_dir: ../outside\n`)
      const moved = readJekyllSite({ siteDir: site, drafts: false, env, cwd: tree })
      expect(moved.includeDirs).toEqual([])
      expect(moved.data).toEqual({})
      expect(moved.warnings).toEqual(
        expect.arrayContaining([
          `outside: not read for {% include %}: it is outside the site folder (it is ${join(tree, 'outside')}). Move the includes into the site folder`,
          `outside: This folder is outside the site folder (it is ${join(tree, 'outside')}); it was not read. Move it into the site folder`,
        ]),
      )
    } finally {
      rmSync(tree, { recursive: true, force: true })
    }
  })
})

describe('readJekyllSite with hostile _config.yml values', () => {
  it('uses no url or baseurl that is not a plain address, saying so; title and description stay as written', () => {
    const tree = mkdtempSync(join(tmpdir(), 'read-site-config-'))
    try {
      mkdirSync(join(tree, '_posts'))
      writeFileSync(join(tree, '_config.yml'), 'title: "<script>alert(1)</script> $&"\nurl: \'https://x.example/"><script>alert(1)</script>\'\nbaseurl: \'/blog"><img src=x onerror=alert(1)>\'\n')
      const site = readJekyllSite({ siteDir: tree, drafts: false, env, cwd: tree })
      expect(site.basePath).toBe('/')
      expect(site.siteUrl).toBe('http://localhost:4173')
      expect(site.config.title).toBe('<script>alert(1)</script> $&')
      expect(site.warnings).toEqual([
        '_config.yml: `url: "https://x.example/\\"><script>alert(1)</script>"` is not a plain http(s) address such as https://blog.example.com; it is not used. Fix it in _config.yml, or set SITE_URL',
        '_config.yml: `baseurl: "/blog\\"><img src=x onerror=alert(1)>"` is not a plain path such as /my-blog (letters, digits, `-`, `_`, `.`, `~` and `/`); it is not used. Fix it in _config.yml, or set BASE_PATH',
      ])
    } finally {
      rmSync(tree, { recursive: true, force: true })
    }
  })
})

describe('readJekyllSite with _posts folders below the root', () => {
  it('publishes their posts as Jekyll does, with the folders above `_posts` as the first categories', () => {
    const tree = mkdtempSync(join(tmpdir(), 'read-site-nested-'))
    try {
      const site = join(tree, 'site')
      const write = (path: string, text: string) => {
        mkdirSync(join(site, path, '..'), { recursive: true })
        writeFileSync(join(site, path), text)
      }
      write('_config.yml', 'permalink: /:categories/:year/:title/\nexclude: [old]\ndefaults:\n  - scope: { path: guides, type: posts }\n    values: { tags: [Guide] }\n')
      write('_posts/2024-01-01-at-the-root.md', '---\ntitle: At the root\n---\nBody.\n')
      write('blog/tech/_posts/2024-02-03-deep-dive.md', '---\ntitle: Deep dive\ncategories: [notes, tech]\n---\nBody.\n')
      write('guides/_posts/2023-05-06-getting-started.html', '---\ntitle: Getting started\n---\n<p>Body.</p>\n')
      write('guides/_posts/no-date.md', '---\ntitle: No date\n---\nBody.\n')
      write('guides/_drafts/next-guide.md', '---\ntitle: Next guide\n---\nBody.\n')
      write('old/_posts/2019-01-01-excluded.md', '---\ntitle: Excluded\n---\nBody.\n')
      write('_site/_posts/2019-01-01-built.md', '---\ntitle: Built copy\n---\nBody.\n')
      mkdirSync(join(tree, 'outside'))
      writeFileSync(join(tree, 'outside', '2021-01-01-leak.md'), '---\ntitle: Leak\n---\nsecret')
      symlinkSync(join(tree, 'outside', '2021-01-01-leak.md'), join(site, 'guides/_posts/2021-01-01-leak.md'))
      // Inside the site folder, yet no post: a link must stay inside its own posts folder.
      write('.env', 'TOKEN=secret\n')
      symlinkSync(join(site, '.env'), join(site, 'guides/_posts/2021-02-02-env.md'))
      // A posts folder that is itself a link out of the site.
      mkdirSync(join(site, 'linked'))
      symlinkSync(join(tree, 'outside'), join(site, 'linked/_posts'))

      const read = readJekyllSite({ siteDir: site, drafts: false, env, cwd: tree })
      const posts = read.documents.filter((document) => document.kind === 'post')
      expect(posts.map((document) => [document.path, document.url, document.categories, document.tags])).toEqual([
        ['blog/tech/_posts/2024-02-03-deep-dive.md', '/blog/tech/notes/2024/deep-dive/', ['blog', 'tech', 'notes'], []],
        ['_posts/2024-01-01-at-the-root.md', '/2024/at-the-root/', [], []],
        ['guides/_posts/2023-05-06-getting-started.html', '/guides/2023/getting-started/', ['guides'], ['Guide']],
      ])
      expect(read.warnings).toEqual(
        expect.arrayContaining([
          'site/guides/_posts/no-date.md: not published: Jekyll publishes a file of _posts only when its name starts with its date. Rename it YYYY-MM-DD-no-date.md, or move it out of _posts to make it a page',
          `site/guides/_posts/2021-01-01-leak.md: This link points outside the posts folder (to ${join(tree, 'outside', '2021-01-01-leak.md')}); it was left out, since a post may come from anyone. Copy the file into the posts folder instead`,
          `site/guides/_posts/2021-02-02-env.md: This link points outside the posts folder (to ${join(site, '.env')}); it was left out, since a post may come from anyone. Copy the file into the posts folder instead`,
          `site/linked/_posts: This folder is a link out of the site folder (to ${join(tree, 'outside')}); it was not read, since a post may come from anyone. Move the posts into the site folder`,
        ]),
      )
      // Not pages either.
      expect(read.documents.map((document) => document.title)).not.toEqual(expect.arrayContaining(['No date']))
      expect(JSON.stringify(read.documents)).not.toContain('secret')
      expect(read.documents.map((document) => document.title)).not.toEqual(expect.arrayContaining(['Leak']))

      // The root's own `_posts` as a link out of the site.
      const other = join(tree, 'other')
      mkdirSync(other)
      writeFileSync(join(other, '_config.yml'), 'title: Other\n')
      symlinkSync(join(tree, 'outside'), join(other, '_posts'))
      const linked = readJekyllSite({ siteDir: other, drafts: false, env, cwd: tree })
      expect(linked.documents).toEqual([])
      expect(linked.warnings).toContain(`other/_posts: This folder is a link out of the site folder (to ${join(tree, 'outside')}); it was not read, since a post may come from anyone. Move the posts into the site folder`)

      const withDrafts = readJekyllSite({ siteDir: site, drafts: true, env, cwd: tree })
      expect(withDrafts.documents.find((document) => document.title === 'Next guide')).toMatchObject({ kind: 'post', path: 'guides/_drafts/next-guide.md', categories: ['guides'] })
    } finally {
      rmSync(tree, { recursive: true, force: true })
    }
  })
})

describe('readJekyllSite with dates that carry a time zone offset', () => {
  const urlsWith = (config: string) => {
    const tree = mkdtempSync(join(tmpdir(), 'read-site-zone-'))
    try {
      mkdirSync(join(tree, '_posts'))
      writeFileSync(join(tree, '_config.yml'), `permalink: /:year/:month/:day/:hour:minute/:title/\n${config}`)
      writeFileSync(join(tree, '_posts', '2016-05-21-early.md'), '---\ntitle: Early\ndate: 2016-05-21 01:00:00 +0530\n---\nBody.\n')
      writeFileSync(join(tree, '_posts', '2016-05-22-no-offset.md'), '---\ntitle: No offset\ndate: 2016-05-22 01:00:00\n---\nBody.\n')
      writeFileSync(join(tree, '_posts', '2016-05-23-utc.md'), '---\ntitle: UTC\ndate: 2016-05-23T23:30:00Z\n---\nBody.\n')
      writeFileSync(join(tree, '_posts', '2016-05-25-minutes.md'), '---\ntitle: Minutes\ndate: 2016-05-25 01:00\n---\nBody.\n')
      writeFileSync(join(tree, '_posts', '2016-05-26-day-only.md'), '---\ntitle: Day only\ndate: 2016-05-26\n---\nBody.\n')
      const site = readJekyllSite({ siteDir: tree, drafts: false, env, cwd: tree })
      return { urls: site.documents.map((document) => document.url), warnings: site.warnings }
    } finally {
      rmSync(tree, { recursive: true, force: true })
    }
  }

  // What `TZ=UTC jekyll build` (Jekyll 4.3) writes for the same posts and _config.yml.
  const asWritten = ['/2016/05/26/0000/day-only/', '/2016/05/25/0100/minutes/']
  it('places a timestamp at its instant in UTC when _config.yml names no time zone, as GitHub Pages does', () => {
    expect(urlsWith('').urls).toEqual([...asWritten, '/2016/05/23/2330/utc/', '/2016/05/22/0100/no-offset/', '/2016/05/20/1930/early/'])
  })

  it("places it in _config.yml's `timezone:`, and says so when that names no time zone", () => {
    expect(urlsWith('timezone: America/New_York\n').urls).toEqual([...asWritten, '/2016/05/23/1930/utc/', '/2016/05/21/2100/no-offset/', '/2016/05/20/1530/early/'])
    expect(urlsWith('timezone: Asia/Kolkata\n').urls).toEqual([...asWritten, '/2016/05/24/0500/utc/', '/2016/05/22/0630/no-offset/', '/2016/05/21/0100/early/'])
    const unknown = urlsWith('timezone: Mars/Olympus\n')
    expect(unknown.urls).toEqual([...asWritten, '/2016/05/23/2330/utc/', '/2016/05/22/0100/no-offset/', '/2016/05/20/1930/early/'])
    expect(unknown.warnings).toContain('_config.yml: `timezone: "Mars/Olympus"` is not a time zone name (such as Europe/Berlin); dates with an offset are placed in UTC. Fix it in _config.yml')
  })
})
