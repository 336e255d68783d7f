/**
 * `npm run bench [-- --sizes 100,1000]`: builds synthetic blogs of each size and prints one table of
 * figures beside their budgets (issue 8), also written to bench/results/<date>.json.
 *
 * Measured so far: build wall time and peak memory (resident set size of the whole build process
 * group), dist size and file count, and the bytes the list page and a post page load on first visit
 * (raw and gzip, by kind, with the request count) in headless Chromium on loopback.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { execFileSync } from 'node:child_process'
import { gzipSync } from 'node:zlib'
import { generatePosts } from './generate-posts.ts'
import { launchBrowser, serveBuild } from '../e2e/browser.ts'

const sizes = (process.argv.find((_, index) => process.argv[index - 1] === '--sizes') ?? '100,1000,10000').split(',').map(Number)
const WORK = resolve('bench/.work')
const KB = 1024

interface Row {
  posts: number
  buildSeconds: number
  peakMemoryMB: number
  distMB: number
  distFiles: number
  pages: Record<string, Record<string, { raw: number; gzip: number; requests: number }>>
}

const BUDGETS: Array<{ label: string; value: (row: Row) => number; limit: (row: Row) => number; unit: string }> = [
  { label: 'build time', value: (row) => row.buildSeconds, limit: (row) => (row.posts <= 1000 ? 10 : 90), unit: 's' },
  { label: 'build peak memory', value: (row) => row.peakMemoryMB, limit: () => 1536, unit: 'MB' },
  { label: 'post page JS (gzip)', value: (row) => (row.pages.post?.script?.gzip ?? 0) / KB, limit: () => 110, unit: 'KB' },
  { label: 'post page CSS (gzip)', value: (row) => (row.pages.post?.stylesheet?.gzip ?? 0) / KB, limit: () => 15, unit: 'KB' },
  { label: 'list page JS (gzip)', value: (row) => (row.pages.list?.script?.gzip ?? 0) / KB, limit: () => 110, unit: 'KB' },
  { label: 'list page data (gzip)', value: (row) => ((row.pages.list?.fetch?.gzip ?? 0) + (row.pages.list?.document?.gzip ?? 0)) / KB, limit: () => 60, unit: 'KB' },
]

async function buildWithMemory(postsDir: string, outDir: string): Promise<{ seconds: number; peakMB: number }> {
  const started = performance.now()
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], {
    env: { ...process.env, POSTS_DIR: postsDir, OUT_DIR: outDir },
    detached: true,
    stdio: 'inherit',
  })
  let peak = 0
  const poll = setInterval(() => {
    try {
      const rss = execFileSync('ps', ['-o', 'rss=', '-g', String(child.pid)]).toString().trim().split(/\s+/).map(Number)
      peak = Math.max(peak, rss.reduce((sum, value) => sum + (value || 0), 0))
    } catch {
      // The group is gone: the build ended between two polls.
    }
  }, 100)
  const code = await new Promise<number>((done) => child.on('exit', (exit) => done(exit ?? 1)))
  clearInterval(poll)
  if (code !== 0) throw new Error(`The build of ${postsDir} failed (exit ${code})`)
  return { seconds: (performance.now() - started) / 1000, peakMB: peak / 1024 }
}

function folderSize(folder: string): { bytes: number; files: number } {
  let bytes = 0
  let files = 0
  for (const name of readdirSync(folder)) {
    const path = join(folder, name)
    const stat = statSync(path)
    if (stat.isDirectory()) {
      const inner = folderSize(path)
      bytes += inner.bytes
      files += inner.files
    } else {
      bytes += stat.size
      files += 1
    }
  }
  return { bytes, files }
}

async function firstVisitBytes(outDir: string, paths: Record<string, string>): Promise<Row['pages']> {
  const { server, url } = await serveBuild(outDir)
  const context = await launchBrowser()
  const result: Row['pages'] = {}
  for (const [name, path] of Object.entries(paths)) {
    const page = await context.newPage()
    const byKind: Row['pages'][string] = {}
    const pending: Array<Promise<void>> = []
    page.on('response', (response) => {
      pending.push(
        response.body().then(
          (body) => {
            const kind = response.request().resourceType()
            const entry = (byKind[kind] ??= { raw: 0, gzip: 0, requests: 0 })
            entry.raw += body.length
            entry.gzip += gzipSync(body).length
            entry.requests += 1
          },
          () => undefined,
        ),
      )
    })
    await page.goto(url + path, { waitUntil: 'networkidle' })
    await Promise.all(pending)
    result[name] = byKind
    await page.close()
  }
  await context.close()
  await server.close()
  return result
}

const rows: Row[] = []
for (const posts of sizes) {
  const postsDir = join(WORK, `posts-${posts}`)
  const outDir = join(WORK, `dist-${posts}`)
  generatePosts(postsDir, posts)
  const build = await buildWithMemory(postsDir, outDir)
  const dist = folderSize(outDir)
  const pages = await firstVisitBytes(outDir, { list: '', post: 'blog/post-0/' })
  rows.push({ posts, buildSeconds: build.seconds, peakMemoryMB: build.peakMB, distMB: dist.bytes / KB / KB, distFiles: dist.files, pages })
}

const lines: string[] = []
lines.push(`| figure | ${rows.map((row) => `${row.posts} posts`).join(' | ')} | budget |`)
lines.push(`|---|${rows.map(() => '---').join('|')}|---|`)
lines.push(`| dist size | ${rows.map((row) => `${row.distMB.toFixed(1)} MB, ${row.distFiles} files`).join(' | ')} | |`)
for (const budget of BUDGETS) {
  const cells = rows.map((row) => {
    const value = budget.value(row)
    return `${value.toFixed(1)} ${budget.unit} ${value <= budget.limit(row) ? 'PASS' : 'FAIL'}`
  })
  lines.push(`| ${budget.label} | ${cells.join(' | ')} | ${rows.map((row) => budget.limit(row)).filter((limit, index, all) => all.indexOf(limit) === index).join(' / ')} ${budget.unit} |`)
}
for (const name of ['list', 'post']) {
  lines.push(`| ${name} page requests | ${rows.map((row) => Object.entries(row.pages[name] ?? {}).map(([kind, entry]) => `${kind} ${entry.requests} (${(entry.gzip / KB).toFixed(1)} KB gz)`).join(', ')).join(' | ')} | |`)
}
console.log(lines.join('\n'))
mkdirSync('bench/results', { recursive: true })
writeFileSync(join('bench/results', `${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`), JSON.stringify(rows, null, 2))
