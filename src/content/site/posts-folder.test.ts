import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readPostSource, scanPostsFolder } from './posts-folder.ts'
import { formatProblem } from '../post/problem.ts'

let tree: string
let posts: string

beforeEach(() => {
  // A throwaway tree: the posts folder and, beside it, what a link might reach for.
  tree = mkdtempSync(join(tmpdir(), 'posts-folder-'))
  posts = join(tree, '_posts')
  mkdirSync(join(posts, 'notes'), { recursive: true })
  mkdirSync(join(tree, 'secrets'))
  writeFileSync(join(tree, 'secrets', 'key.md'), '---\ntitle: secret\n---\nhunter2')
  writeFileSync(join(posts, '2021-01-01-a.md'), '---\ntitle: A\n---\nA')
  writeFileSync(join(posts, 'notes', 'b.md'), '---\ntitle: B\n---\nB')
})

afterEach(() => rmSync(tree, { recursive: true, force: true }))

const scan = () => {
  const { paths, problems } = scanPostsFolder(posts, tree)
  return { paths: paths.map((path) => path.slice(tree.length + 1)), problems: problems.map(formatProblem) }
}

describe('scanPostsFolder', () => {
  it('lists posts in sub-folders', () => {
    expect(scan()).toEqual({ paths: ['_posts/2021-01-01-a.md', '_posts/notes/b.md'], problems: [] })
  })

  it('leaves out links to a file or a folder outside the posts folder, naming the link', () => {
    symlinkSync(join(tree, 'secrets', 'key.md'), join(posts, '2021-01-02-key.md'))
    symlinkSync(join(tree, 'secrets'), join(posts, 'linked'))
    const { paths, problems } = scan()
    expect(paths).toEqual(['_posts/2021-01-01-a.md', '_posts/notes/b.md'])
    expect(problems).toEqual([
      `_posts/2021-01-02-key.md: This link points outside the posts folder (to ${join(tree, 'secrets', 'key.md')}); it was left out, since a post may come from anyone. Copy the file into the posts folder instead`,
      `_posts/linked: This link points outside the posts folder (to ${join(tree, 'secrets')}); it was left out, since a post may come from anyone. Copy the file into the posts folder instead`,
    ])
  })

  it('leaves out broken links and loops with a warning instead of ENOENT or ELOOP', () => {
    symlinkSync(join(tree, 'nowhere.md'), join(posts, 'dangling.md'))
    symlinkSync(join(posts, 'loop-b.md'), join(posts, 'loop-a.md'))
    symlinkSync(join(posts, 'loop-a.md'), join(posts, 'loop-b.md'))
    symlinkSync(posts, join(posts, 'notes', 'up'))
    const { paths, problems } = scan()
    expect(paths).toEqual(['_posts/2021-01-01-a.md', '_posts/notes/b.md'])
    expect(problems).toEqual([
      '_posts/dangling.md: This link points to nothing; it was left out. Remove it or point it at a file in the posts folder',
      '_posts/loop-a.md: This link leads round in a loop; it was left out. Remove it',
      '_posts/loop-b.md: This link leads round in a loop; it was left out. Remove it',
    ])
  })

  it('follows a link that stays inside the posts folder, once', () => {
    symlinkSync(join(posts, 'notes'), join(posts, 'more'))
    expect(scan().paths).toEqual(['_posts/2021-01-01-a.md', '_posts/more/b.md'])
  })
})

describe('readPostSource', () => {
  it('refuses a binary file named .md', () => {
    writeFileSync(join(posts, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
    expect(readPostSource(join(posts, 'image.md'), tree).problem).toMatchObject({ fatal: true, reason: expect.stringContaining('binary file') })
  })

  it('points at the first byte that is not UTF-8', () => {
    writeFileSync(join(posts, 'latin.md'), Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]))
    expect(readPostSource(join(posts, 'latin.md'), tree).problem).toMatchObject({ line: 2, column: 11, fatal: false })
  })
})
