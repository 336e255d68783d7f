import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listSiteFolder } from './site-folder.ts'
import { formatProblem } from '../post/problem.ts'

let tree: string
let site: string

beforeEach(() => {
  tree = mkdtempSync(join(tmpdir(), 'site-folder-'))
  site = join(tree, 'site')
  mkdirSync(join(site, 'assets'), { recursive: true })
  mkdirSync(join(site, '_data'))
  mkdirSync(join(tree, 'home'))
  writeFileSync(join(tree, 'home', 'id_rsa'), 'PRIVATE KEY')
  writeFileSync(join(site, '_config.yml'), 'title: Site\n')
  writeFileSync(join(site, '_data', 'authors.yml'), 'ada: Ada\n')
  writeFileSync(join(site, 'about.md'), '---\ntitle: About\n---\nHi')
  writeFileSync(join(site, 'assets', 'logo.png'), 'png')
})

afterEach(() => rmSync(tree, { recursive: true, force: true }))

const list = () => {
  const { pages, staticFiles, problems } = listSiteFolder(site, [], tree)
  return { pages, staticFiles, problems: problems.map(formatProblem) }
}

describe('listSiteFolder', () => {
  it('sorts pages from static files, leaving out `_` and `.` files', () => {
    writeFileSync(join(site, '.env'), 'SECRET=1')
    expect(list()).toEqual({ pages: ['about.md'], staticFiles: ['assets/logo.png'], problems: [] })
  })

  it('follows a link inside the site folder, to a file or a folder', () => {
    symlinkSync(join(site, 'assets', 'logo.png'), join(site, 'logo.png'))
    symlinkSync(join(site, 'assets'), join(site, 'img'))
    expect(list().staticFiles).toEqual(['assets/logo.png', 'img/logo.png', 'logo.png'])
  })

  it('leaves out links out of the folder, to its private files, broken and looping, naming each link', () => {
    symlinkSync(join(tree, 'home', 'id_rsa'), join(site, 'assets', 'key.txt'))
    symlinkSync(join(tree, 'home'), join(site, 'home'))
    symlinkSync(join(site, '_config.yml'), join(site, 'config.txt'))
    symlinkSync(join(site, '_data'), join(site, 'data'))
    symlinkSync(join(site, 'nowhere.png'), join(site, 'dangling.png'))
    symlinkSync(join(site, 'assets'), join(site, 'assets', 'again'))
    symlinkSync(join(site, 'loop-b'), join(site, 'loop-a'))
    symlinkSync(join(site, 'loop-a'), join(site, 'loop-b'))
    const { pages, staticFiles, problems } = list()
    expect({ pages, staticFiles }).toEqual({ pages: ['about.md'], staticFiles: ['assets/logo.png'] })
    expect(problems).toEqual([
      'site/assets/again: This link leads round in a loop; it was left out. Remove it',
      `site/assets/key.txt: This link points outside the site folder (to ${join(tree, 'home', 'id_rsa')}); it was left out, since a post may come from anyone. Copy the file into the site folder instead`,
      'site/config.txt: This link points to _config.yml, which Jekyll never publishes (a `_` or `.` file or folder); it was left out. Remove the link',
      'site/dangling.png: This link points to nothing; it was left out. Remove it or point it at a file in the site folder',
      'site/data: This link points to _data, which Jekyll never publishes (a `_` or `.` file or folder); it was left out. Remove the link',
      `site/home: This link points outside the site folder (to ${join(tree, 'home')}); it was left out, since a post may come from anyone. Copy the file into the site folder instead`,
      'site/loop-a: This link leads round in a loop; it was left out. Remove it',
      'site/loop-b: This link leads round in a loop; it was left out. Remove it',
    ])
  })
})
