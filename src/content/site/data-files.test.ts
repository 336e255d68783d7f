import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_DATA_FILE_BYTES, readDataFolder } from './data-files.ts'

describe('readDataFolder', () => {
  const { data, warnings } = readDataFolder('src/content/site/__fixtures__/data', { shownAs: '_data' })

  it('reads YAML, JSON, CSV and TSV files by name, and sub-folders as nested objects', () => {
    expect(data).toEqual({
      authors: { name: 'Ada', roles: ['admin', 'author'] },
      nav: { main: [{ title: 'Home', url: '/' }] },
      links: [
        { name: 'Docs', url: '/docs/' },
        { name: 'Blog, old', url: '/old/' },
      ],
      counts: [{ name: 'alpha', count: '3' }],
    })
  })

  it('leaves a broken file out and names it with the line of the mistake', () => {
    expect(warnings).toEqual([
      "_data/broken.yaml:2:1: not read as site.data (Flow sequence in block collection must be sufficiently indented and end with a ]). Fix the file's syntax",
    ])
  })

  it('is empty for a missing folder', () => {
    expect(readDataFolder('src/content/site/__fixtures__/none')).toEqual({ data: {}, warnings: [] })
  })
})

describe('readDataFolder with hostile files', () => {
  let site: string
  beforeEach(() => {
    site = mkdtempSync(join(tmpdir(), 'data-files-'))
    mkdirSync(join(site, '_data'))
  })
  afterEach(() => rmSync(site, { recursive: true, force: true }))
  const read = () => readDataFolder(join(site, '_data'), { shownAs: '_data', root: site, cwd: site })

  it('names the line and column of a JSON or CSV mistake', () => {
    writeFileSync(join(site, '_data', 'menu.json'), '{\n  "a": 1,\n  oops\n}')
    writeFileSync(join(site, '_data', 'rows.csv'), 'name,url\nDocs,/docs/\n"Blog,/old/\n')
    const { data, warnings } = read()
    expect(data).toEqual({})
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toBe("_data/menu.json:3:3: not read as site.data (not valid JSON: invalid symbol). Fix the file's syntax")
    expect(warnings[1]).toMatch(/^_data\/rows\.csv:\d+:1: not read as site\.data \(.+\)\. Fix the file's syntax$/)
  })

  it('leaves out a file too large to be data, saying so', () => {
    writeFileSync(join(site, '_data', 'dump.json'), `[${'1,'.repeat(MAX_DATA_FILE_BYTES / 2)}1]`)
    expect(read()).toEqual({ data: {}, warnings: ["_data/dump.json: not read as site.data: 2.0 MB, over the 2 MB a data file may have. Move the file out of _data"] })
  })

  it('reads a file named __proto__ as data, not as the prototype', () => {
    writeFileSync(join(site, '_data', '__proto__.yml'), 'polluted: yes')
    const { data } = read()
    expect(Object.keys(data)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('does not follow a link out of the site folder', () => {
    const outside = mkdtempSync(join(tmpdir(), 'data-outside-'))
    writeFileSync(join(outside, 'secrets.yml'), 'token: hunter2')
    symlinkSync(join(outside, 'secrets.yml'), join(site, '_data', 'secrets.yml'))
    try {
      expect(read()).toEqual({
        data: {},
        warnings: [`_data/secrets.yml: This link points outside the site folder (to ${join(outside, 'secrets.yml')}); it was left out, since a post may come from anyone. Copy the file into the site folder instead`],
      })
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })
})
