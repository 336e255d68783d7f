import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { hostLimitWarnings, measureOutput, outputLine, type OutputFacts } from './output-report.ts'

describe('the build\'s closing line', () => {
  const folder = mkdtempSync(join(tmpdir(), 'output-report-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('counts pages, files and bytes and names the largest file', () => {
    mkdirSync(join(folder, 'blog/a'), { recursive: true })
    writeFileSync(join(folder, 'index.html'), 'x'.repeat(1500))
    writeFileSync(join(folder, 'blog/a/index.html'), 'x'.repeat(2500))
    writeFileSync(join(folder, 'feed.xml'), 'x'.repeat(100))
    const facts = measureOutput(folder)
    expect(outputLine('dist/', facts)).toBe('dist/: 2 pages, 3 files, 4.1 KB; largest blog/a/index.html (2.5 KB)')
    expect(hostLimitWarnings(facts, { highlightPages: true })).toEqual([])
  })
})

describe('the warnings at hosts\' limits', () => {
  const facts = (files: number, bytes: number, largest: number): OutputFacts => ({ pages: files, files, bytes, largest: { path: 'data/search/docs.json', bytes: largest } })

  it('names the host and the setting that trades the output down', () => {
    expect(hostLimitWarnings(facts(20_001, 1.2e9, 1000), { highlightPages: true })).toEqual([
      'The site is 1.20 GB: GitHub Pages and GitLab Pages publish at most 1 GB. To make it smaller, set `highlightPages: false` in src/site-settings.ts (or HIGHLIGHT_PAGES=false) to leave out the page of every highlight',
      "The site has 20,001 files: Cloudflare Pages' free plan takes at most 20,000 (100,000 on paid plans). To have fewer, set `highlightPages: false` in src/site-settings.ts (or HIGHLIGHT_PAGES=false) to leave out the page of every highlight",
    ])
    expect(hostLimitWarnings(facts(100_001, 1e8, 1000), { highlightPages: true })[0]).toMatch(/^The site has 100,001 files: Cloudflare Pages takes at most 100,000/)
  })

  it('says what is left to do when the highlight pages are already left out', () => {
    expect(hostLimitWarnings(facts(100_001, 1e8, 1000), { highlightPages: false })).toEqual([
      "The site has 100,001 files: Cloudflare Pages takes at most 100,000 (20,000 on its free plan). To have fewer, the highlight pages are already left out: every other file is a post's or a block quote's page or card. Host on a plan that takes more, or publish fewer posts",
    ])
  })

  it('names a file over 25 MiB', () => {
    expect(hostLimitWarnings(facts(10, 3e7, 26 * 1024 * 1024), { highlightPages: true })).toEqual([
      'data/search/docs.json is 27.3 MB: Cloudflare Pages takes no file over 25 MiB. Make the file smaller (a large image or asset under public/ is copied as it is)',
    ])
  })

  it('says nothing at the limits themselves', () => {
    expect(hostLimitWarnings(facts(20_000, 1e9, 25 * 1024 * 1024), { highlightPages: true })).toEqual([])
  })
})
