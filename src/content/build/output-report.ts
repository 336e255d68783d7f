/**
 * The build's closing line (pages, files, total size, the largest file) and its warnings where the
 * output passes a limit of the hosts blogs are deployed to, each naming what trades it down.
 *
 * The limits, as the hosts publish them: GitHub Pages and GitLab Pages publish at most 1 GB a site;
 * Cloudflare Pages takes 20,000 files a site (100,000 on paid plans) and 25 MiB a file.
 */
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

export interface OutputFacts {
  /** HTML pages. */
  pages: number
  files: number
  bytes: number
  largest: { path: string; bytes: number } | null
}

const GB = 1e9
const MiB = 1024 * 1024
export const HOST_LIMITS = {
  siteBytes: 1 * GB,
  freeFiles: 20_000,
  paidFiles: 100_000,
  fileBytes: 25 * MiB,
} as const

const TRADE_DOWN_SETTING = 'set `highlightPages: false` in src/site-settings.ts (or HIGHLIGHT_PAGES=false) to leave out the page of every highlight'
/** With highlight pages already left out, what is left is a page and a card a post and a block quote. */
const NOTHING_TO_TRADE = 'the highlight pages are already left out: every other file is a post\'s or a block quote\'s page or card. Host on a plan that takes more, or publish fewer posts'

/** Every file under `folder`, counted and measured. */
export function measureOutput(folder: string): OutputFacts {
  const facts: OutputFacts = { pages: 0, files: 0, bytes: 0, largest: null }
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(path)
        continue
      }
      const { size } = statSync(path)
      facts.files += 1
      facts.bytes += size
      if (entry.name.endsWith('.html')) facts.pages += 1
      if (!facts.largest || size > facts.largest.bytes) facts.largest = { path: relative(folder, path), bytes: size }
    }
  }
  walk(folder)
  return facts
}

/** `dist/: 1,234 pages, 2,345 files, 70.1 MB; largest data/search/docs.json (1.2 MB)` */
export function outputLine(folderName: string, facts: OutputFacts): string {
  const largest = facts.largest ? `; largest ${facts.largest.path} (${formatBytes(facts.largest.bytes)})` : ''
  return `${folderName}: ${count(facts.pages)} pages, ${count(facts.files)} files, ${formatBytes(facts.bytes)}${largest}`
}

/** One warning per host limit the output passes; none when it fits everywhere. */
export function hostLimitWarnings(facts: OutputFacts, built: { highlightPages: boolean }): string[] {
  const TRADE_DOWN = built.highlightPages ? TRADE_DOWN_SETTING : NOTHING_TO_TRADE
  const warnings: string[] = []
  if (facts.bytes > HOST_LIMITS.siteBytes) {
    warnings.push(`The site is ${formatBytes(facts.bytes)}: GitHub Pages and GitLab Pages publish at most 1 GB. To make it smaller, ${TRADE_DOWN}`)
  }
  if (facts.files > HOST_LIMITS.paidFiles) {
    warnings.push(`The site has ${count(facts.files)} files: Cloudflare Pages takes at most 100,000 (20,000 on its free plan). To have fewer, ${TRADE_DOWN}`)
  } else if (facts.files > HOST_LIMITS.freeFiles) {
    warnings.push(`The site has ${count(facts.files)} files: Cloudflare Pages' free plan takes at most 20,000 (100,000 on paid plans). To have fewer, ${TRADE_DOWN}`)
  }
  if (facts.largest && facts.largest.bytes > HOST_LIMITS.fileBytes) {
    warnings.push(`${facts.largest.path} is ${formatBytes(facts.largest.bytes)}: Cloudflare Pages takes no file over 25 MiB. Make the file smaller (a large image or asset under public/ is copied as it is)`)
  }
  return warnings
}

export function formatBytes(bytes: number): string {
  if (bytes >= GB) return `${(bytes / GB).toFixed(2)} GB`
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} KB`
  return `${bytes} B`
}

function count(value: number): string {
  return value.toLocaleString('en-US')
}
