import { describe, expect, it } from 'vitest'
import { readDataFolder } from './data-files.ts'

describe('readDataFolder', () => {
  const { data, warnings } = readDataFolder('src/content/site/__fixtures__/data', '_data')

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

  it('leaves a broken file out and names it', () => {
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^_data\/broken\.yaml: not read as site\.data \(.+\)\. Fix the file's syntax$/)
  })

  it('is empty for a missing folder', () => {
    expect(readDataFolder('src/content/site/__fixtures__/none')).toEqual({ data: {}, warnings: [] })
  })
})
