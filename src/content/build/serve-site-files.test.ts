import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { staticFileOnDisk } from './serve-site-files.ts'

let tree: string
let siteDir: string

beforeEach(() => {
  tree = realpathSync(mkdtempSync(join(tmpdir(), 'serve-site-')))
  siteDir = join(tree, 'site')
  mkdirSync(join(siteDir, 'assets'), { recursive: true })
  writeFileSync(join(siteDir, '_config.yml'), 'title: x')
  writeFileSync(join(siteDir, 'assets', 'logo.png'), 'png')
  writeFileSync(join(siteDir, 'assets', 'a b.pdf'), 'pdf')
  writeFileSync(join(tree, 'secret.txt'), 'hunter2')
})

afterEach(() => rmSync(tree, { recursive: true, force: true }))

const site = () => ({ siteDir, staticFiles: ['assets/logo.png', 'assets/a b.pdf'] })

describe('staticFileOnDisk', () => {
  it('finds a listed static file by its URL, encoded or not', () => {
    expect(staticFileOnDisk(site(), 'assets/logo.png')).toBe(join(siteDir, 'assets', 'logo.png'))
    expect(staticFileOnDisk(site(), 'assets/a%20b.pdf')).toBe(join(siteDir, 'assets', 'a b.pdf'))
  })

  it('serves nothing outside the list: _config.yml, dot files, `..` written plainly or encoded', () => {
    writeFileSync(join(siteDir, '.env'), 'SECRET=1')
    for (const url of ['_config.yml', '.env', '../secret.txt', 'assets/../../secret.txt', '%2e%2e/secret.txt', 'assets/%2E%2E/%2e%2e/secret.txt', '%2e%2e%2fsecret.txt', 'assets%2flogo.png', 'assets%5clogo.png', 'assets/logo.png%00', 'assets//logo.png', 'assets/./logo.png', '%E0%A4%A']) {
      expect(staticFileOnDisk(site(), url), url).toBeNull()
    }
  })

  it('serves nothing through a listed file swapped for a link out of the folder, or to a private file', () => {
    unlinkSync(join(siteDir, 'assets', 'logo.png'))
    symlinkSync(join(tree, 'secret.txt'), join(siteDir, 'assets', 'logo.png'))
    expect(staticFileOnDisk(site(), 'assets/logo.png')).toBeNull()
    unlinkSync(join(siteDir, 'assets', 'logo.png'))
    symlinkSync(join(siteDir, '_config.yml'), join(siteDir, 'assets', 'logo.png'))
    expect(staticFileOnDisk(site(), 'assets/logo.png')).toBeNull()
  })

  it('serves nothing without a site folder', () => {
    expect(staticFileOnDisk({ siteDir: null, staticFiles: ['assets/logo.png'] }, 'assets/logo.png')).toBeNull()
  })
})
