import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { postsFolderSite } from './posts-folder-site.ts'

const root = mkdtempSync(join(tmpdir(), 'posts-folder-site-'))
const postsDir = join(root, '_posts')
mkdirSync(join(postsDir, 'notes'), { recursive: true })
writeFileSync(join(root, '_config.yml'), 'title: My blog\nauthor:\n  name: Ann\n')
writeFileSync(join(postsDir, '2019-02-15-learn-react.md'), '---\ntitle: Learn React\ntags: react hooks\n---\nText')
writeFileSync(join(postsDir, 'notes', '2021-03-01-later.md'), '---\ntitle: Later\nslug: Much Later\ndate: 2021-03-02 10:00:00 +0100\ncategories: [notes]\n---\n')
writeFileSync(join(postsDir, 'undated.md'), '---\ntitle: [broken\n---\n')
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('postsFolderSite', () => {
  const paths = ['2019-02-15-learn-react.md', 'notes/2021-03-01-later.md', 'undated.md'].map((name) => join(postsDir, name))
  const site = postsFolderSite(postsDir, paths, { basePath: '/blog-root/', siteUrl: 'https://blog.example' })

  it('reads _config.yml beside the posts folder, with no data and no includes of its own', () => {
    expect(site).toMatchObject({ siteDir: null, config: { title: 'My blog', author: { name: 'Ann' } }, data: {}, includeDirs: [], basePath: '/blog-root/' })
  })

  it('lists every post newest first, from its file name and front matter; unreadable front matter left empty', () => {
    expect(site.documents.map(({ path, url, slug, title, date, tags, categories }) => ({ path, url, slug, title, date, tags, categories }))).toEqual([
      { path: '_posts/notes/2021-03-01-later.md', url: '/blog/Much-Later/', slug: 'Much-Later', title: 'Later', date: '2021-03-02', tags: [], categories: ['notes'] },
      { path: '_posts/2019-02-15-learn-react.md', url: '/blog/learn-react/', slug: 'learn-react', title: 'Learn React', date: '2019-02-15', tags: ['react', 'hooks'], categories: [] },
      { path: '_posts/undated.md', url: '/blog/undated/', slug: 'undated', title: 'Undated', date: null, tags: [], categories: [] },
    ])
  })
})
