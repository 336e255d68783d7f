/**
 * `npm run bench [-- --sizes 100,1000]`: builds synthetic blogs of each size and prints one table of
 * figures beside their budgets (issues 8 and 18), also written to bench/results/<date>.json.
 *
 * Per size: a cold build (empty build cache; the last run's files set aside, not deleted, set-aside.ts):
 * wall time, CPU time (every process) and peak memory
 * (resident set size of the whole build process group); the output's size, files per post and largest
 * file against the hosts' limits. At 1,000 posts (or the largest size under it): a rebuild after one post
 * is edited (with the cache the cold build left), and plain Jekyll's cold build of the same posts
 * (jekyll-build.ts; not measured, and said so, when `jekyll` is not installed), the two build budgets
 * being ratios to it. Then, with one Chromium against the build on loopback (a fresh context for each
 * measurement): the bytes of a first visit and requests leaving the origin (first-visit.ts); FCP, LCP and
 * CLS on a 4x slower CPU, the post also without JavaScript (paint-timing.ts); the first search's download
 * and whether it finds a body-only word (search-cost.ts); tag-click and keystroke latency and their
 * floors, the browser's own share of each, measured together (interaction-latency.ts: the app's page
 * and the floor's interleaved in rounds, in two contexts open at once, so that the machine's drift
 * over the run falls on both; as two phases, one after the other, the floors moved by 4 ms between
 * two runs of the same code, as much as the budget's margin). Once, at the same size as the Jekyll
 * build: the dev server's edit time (dev-edit.ts). A measurement that fails is reported below the table;
 * the others still run.
 *
 * `--phases search,interaction,floor` runs only those measurements, against the output a previous run
 * left in bench/.work/dist-<size> (or `--dist <folder>`, for one size): no generation, no build.
 * `interaction` and `floor` are one measurement (see above): either one, or both, runs it and gives
 * both figures; its time and any error are written down under `interaction`.
 */
import { spawn } from 'node:child_process'
import { appendFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PAGE_SIZE } from '../src/shared/list-data.ts'
import { bodyOnlyWord, generatePosts } from './generate-posts.ts'
import { serveBuild } from '../e2e/browser.ts'
import { launchBenchBrowser } from './browser.ts'
import { firstVisit, type BytesByKind } from './first-visit.ts'
import { featureCosts, settingsPanelFetches, type FeatureCost } from './feature-js.ts'
import { PARTIAL_PAINT_MS, paintTimings, type PaintFigures } from './paint-timing.ts'
import { medianDifference } from './stats.ts'
import { searchCost, type SearchCost } from './search-cost.ts'
import { interleavedLatency, type InteractionLatency, type Latencies } from './interaction-latency.ts'
import { devEdit, type DevEdit } from './dev-edit.ts'
import { childrenCpuSeconds, groupResidentKB, quietDisk } from './process-stats.ts'
import { findJekyll, jekyllBuild, jekyllSite, type JekyllBuild } from './jekyll-build.ts'
import { emptyTrash, setAside } from './set-aside.ts'
import { measureOutput } from '../src/content/build/output-report.ts'

const option = (name: string) => process.argv.find((_, index) => process.argv[index - 1] === name)
const sizes = (option('--sizes') ?? '100,1000,10000').split(',').map(Number)
/** Only these measurements, on an existing output (see above); every one when not given. */
const phases = option('--phases')?.split(',') as Measurement[] | undefined
const runs = (name: Measurement) => !phases || phases.includes(name)
const existingDist = option('--dist')
const WORK = resolve('bench/.work')
const KB = 1024
const LIST = ''
const POST = 'blog/post-0/'
/** The post searched for by a word only its body has (see generate-posts.ts). */
const SEARCHED_POST = 7
/** The dev server, the rebuild and Jekyll are measured once: at 1,000 posts, or the largest size below. */
const devSize = Math.max(...sizes.filter((size) => size <= 1000))
const WHOLE_RUN_SECONDS = 900
/** Loads of the post page with and without JavaScript, each, at each size (see the paint phase). */
const POST_PAINT_LOADS = 31
const MB = 1e6
const MiB = 1024 * 1024
const jekyll = findJekyll()
/** The file of the post edited before the rebuild: one in the middle (`<date>-post-<n>.md`, see generate-posts.ts). */
const editedPost = (postsDir: string, posts: number) => {
  const name = readdirSync(postsDir).find((file) => file.endsWith(`-post-${Math.floor(posts / 2)}.md`))
  if (!name) throw new Error(`No post-${Math.floor(posts / 2)} in ${postsDir}`)
  return join(postsDir, name)
}

type Measurement = 'build' | 'rebuild' | 'jekyll' | 'firstVisit' | 'features' | 'paint' | 'search' | 'interaction' | 'floor' | 'devEdit'

interface Row {
  posts: number
  buildSeconds: number
  /** CPU time of the build, user and system, summed over every process (the workers included). */
  buildCpuSeconds: number
  peakMemoryMB: number
  distMB: number
  distFiles: number
  largestFile?: { path: string; bytes: number }
  /** At devSize: a build after one post is edited, with the cold build's cache. */
  rebuild?: { seconds: number; cpuSeconds: number }
  /** At devSize: plain Jekyll's cold build of the same posts. */
  jekyll?: JekyllBuild
  pages: Record<string, BytesByKind>
  /** Code a feature loads later, beside the first-load figures (feature-js.ts). */
  features?: FeatureCost[]
  /** Requests to other origins on the first visit, by page. */
  external?: Record<string, string[]>
  paint?: { list: PaintFigures; post: PaintFigures; postWithoutJs: PaintFigures }
  search?: SearchCost
  interaction?: InteractionLatency
  /**
   * Tag clicks and keystrokes that only swap in another tag's prerendered cards, measured in rounds
   * between the app's (interaction-latency.ts).
   */
  floor?: { tag: Latencies; keystroke: Latencies }
  devEdit?: DevEdit
  /** Wall time of this size: generation, build and every measurement. */
  benchSeconds: number
  /** Wall time of each measurement at this size, for projecting a whole run (projectedRunSeconds). */
  phaseSeconds: Partial<Record<Measurement, number>>
  errors: Partial<Record<Measurement, string>>
}

interface Limit {
  max: number
  /** `<` instead of `<=`. */
  strict?: boolean
}

interface Check {
  label: string
  unit: string
  source: Measurement
  digits?: number
  value: (row: Row) => number | undefined
  /** Without a limit for a row, the figure is informational there. */
  limit?: (row: Row) => Limit | undefined
  format?: (value: number) => string
  /** Said after the figure and its verdict (the interval of a comparison). */
  note?: (row: Row) => string | undefined
}

const always = (limit: Limit) => () => limit
/**
 * The post with JavaScript against the post without, in percent of the latter, signed: the budget is on
 * how much later the page with the app paints, and one that paints sooner is not over it. The median of
 * each page's loads, with the 95 % bootstrap interval of the difference (stats.ts).
 */
const paintDifference = (paint: Row['paint'], metric: 'fcpMs' | 'lcpMs') =>
  paint ? medianDifference(paint.post.loads.map((load) => load[metric]), paint.postWithoutJs.loads.map((load) => load[metric])) : undefined
const signed = (value: number, digits = 1) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(digits)}`
const interval = (difference: { low: number; high: number } | undefined) =>
  difference ? `(95 % interval ${signed(difference.low)} to ${signed(difference.high)} %)` : undefined
const external = (row: Row) => (row.external ? Object.values(row.external).reduce((sum, list) => sum + list.length, 0) : undefined)

const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a / b)
/** The app's own cost over the floor: the median may be at most 4 ms above it. */
const overFloor = (floor: Latencies | undefined) => (floor ? { max: floor.medianMs + 4 } : undefined)

const CHECKS: Check[] = [
  { label: 'build time, cold (empty cache)', unit: 's', source: 'build', value: (row) => row.buildSeconds },
  { label: 'build CPU time, every process (user + system)', unit: 's', source: 'build', value: (row) => row.buildCpuSeconds },
  { label: 'rebuild after one post is edited', unit: 's', source: 'rebuild', value: (row) => row.rebuild?.seconds },
  { label: 'Jekyll cold build: wall', unit: 's', source: 'jekyll', value: (row) => row.jekyll?.seconds },
  { label: 'Jekyll cold build: CPU', unit: 's', source: 'jekyll', value: (row) => row.jekyll?.cpuSeconds },
  { label: 'rebuild / Jekyll cold build (wall)', unit: 'x', source: 'jekyll', digits: 2, value: (row) => ratio(row.rebuild?.seconds, row.jekyll?.seconds), limit: (row) => (row.posts === devSize ? { max: 1.5 } : undefined) },
  { label: 'cold build CPU / Jekyll CPU', unit: 'x', source: 'jekyll', digits: 2, value: (row) => ratio(row.buildCpuSeconds, row.jekyll?.cpuSeconds), limit: (row) => (row.posts === devSize ? { max: 5 } : undefined) },
  { label: 'output size', unit: 'MB', source: 'build', value: (row) => (row.distFiles ? row.distMB : undefined), limit: (row) => (row.posts === 10000 ? { max: 700 } : row.posts === 1000 ? { max: 70 } : undefined) },
  { label: 'output files a post', unit: '', source: 'build', value: (row) => (row.distFiles ? row.distFiles / row.posts : undefined), limit: (row) => (row.posts === 10000 ? { max: 8 } : undefined) },
  { label: 'largest file', unit: 'MiB', source: 'build', digits: 2, value: (row) => (row.largestFile ? row.largestFile.bytes / MiB : undefined), limit: always({ max: 25 }) },
  { label: 'build peak memory', unit: 'MB', source: 'build', value: (row) => row.peakMemoryMB, limit: always({ max: 1536, strict: true }) },
  { label: 'post page JS (gzip)', unit: 'KB', source: 'firstVisit', value: (row) => (row.pages.post?.script?.gzip ?? 0) / KB, limit: always({ max: 110 }) },
  { label: 'post page CSS (gzip)', unit: 'KB', source: 'firstVisit', value: (row) => (row.pages.post?.stylesheet?.gzip ?? 0) / KB, limit: always({ max: 15 }) },
  { label: 'list page JS (gzip)', unit: 'KB', source: 'firstVisit', value: (row) => (row.pages.list?.script?.gzip ?? 0) / KB, limit: always({ max: 110 }) },
  { label: 'list page data (gzip)', unit: 'KB', source: 'firstVisit', value: (row) => ((row.pages.list?.fetch?.gzip ?? 0) + (row.pages.list?.document?.gzip ?? 0)) / KB, limit: always({ max: 60 }) },
  { label: 'requests off the origin, first visit', unit: '', source: 'firstVisit', digits: 0, value: external, limit: always({ max: 0 }) },
  { label: 'list FCP, 4x CPU', unit: 'ms', source: 'paint', digits: 0, value: (row) => row.paint?.list.fcpMs },
  { label: 'list LCP, 4x CPU', unit: 'ms', source: 'paint', digits: 0, value: (row) => row.paint?.list.lcpMs },
  { label: 'post FCP, 4x CPU: JS / no JS', unit: 'ms', source: 'paint', digits: 0, value: (row) => row.paint?.post.fcpMs },
  { label: '', unit: 'ms', source: 'paint', digits: 0, value: (row) => row.paint?.postWithoutJs.fcpMs },
  { label: 'post FCP, JS vs no JS', unit: '%', source: 'paint', value: (row) => paintDifference(row.paint, 'fcpMs')?.percent, limit: always({ max: 10 }), note: (row) => interval(paintDifference(row.paint, 'fcpMs')) },
  { label: 'post LCP, 4x CPU: JS / no JS', unit: 'ms', source: 'paint', digits: 0, value: (row) => row.paint?.post.lcpMs },
  { label: '', unit: 'ms', source: 'paint', digits: 0, value: (row) => row.paint?.postWithoutJs.lcpMs },
  { label: 'post LCP, JS vs no JS', unit: '%', source: 'paint', value: (row) => paintDifference(row.paint, 'lcpMs')?.percent, limit: always({ max: 10 }), note: (row) => interval(paintDifference(row.paint, 'lcpMs')) },
  {
    label: `post loads whose first paint was partial (FCP ≥ ${PARTIAL_PAINT_MS} ms before LCP), JS`,
    unit: '',
    source: 'paint',
    digits: 0,
    value: (row) => row.paint?.post.partialFirstPaints,
    note: (row) => (row.paint ? `(no JS: ${row.paint.postWithoutJs.partialFirstPaints}; of ${row.paint.post.loads.length} loads each)` : undefined),
  },
  { label: 'list CLS', unit: '', source: 'paint', digits: 3, value: (row) => row.paint?.list.cls, limit: always({ max: 0.05, strict: true }) },
  { label: 'post CLS', unit: '', source: 'paint', digits: 3, value: (row) => row.paint?.post.cls, limit: always({ max: 0.05, strict: true }) },
  { label: 'post CLS, no JS', unit: '', source: 'paint', digits: 3, value: (row) => row.paint?.postWithoutJs.cls, limit: always({ max: 0.05, strict: true }) },
  { label: 'first search download (gzip)', unit: 'KB', source: 'search', value: (row) => (row.search ? row.search.gzip / KB : undefined), limit: (row) => (row.posts <= 1000 ? { max: 150 } : row.posts === 10000 ? { max: 300 } : undefined) },
  { label: 'search index loaded after the first results, on a pause (gzip)', unit: 'KB', source: 'search', value: (row) => (row.search ? row.search.laterGzip / KB : undefined) },
  { label: 'search files on list first load', unit: '', source: 'search', digits: 0, value: (row) => row.search?.onFirstLoad.length, limit: always({ max: 0 }) },
  { label: 'search finds a body-only word', unit: '', source: 'search', value: (row) => (row.search ? Number(row.search.foundBodyWord) : undefined), limit: () => ({ max: 1 }), format: (value) => (value ? 'yes' : 'no') },
  { label: 'tag click floor, no app code, median', unit: 'ms', source: 'floor', value: (row) => row.floor?.tag.medianMs },
  { label: 'tag click to paint, median', unit: 'ms', source: 'interaction', value: (row) => row.interaction?.tag.medianMs, limit: (row) => overFloor(row.floor?.tag) },
  { label: 'tag click to paint, p95', unit: 'ms', source: 'interaction', value: (row) => row.interaction?.tag.p95Ms, limit: always({ max: 50, strict: true }) },
  { label: 'keystroke floor, no app code, median', unit: 'ms', source: 'floor', value: (row) => row.floor?.keystroke.medianMs },
  { label: 'keystroke to first results painted, median', unit: 'ms', source: 'interaction', value: (row) => row.interaction?.keystroke.medianMs, limit: (row) => overFloor(row.floor?.keystroke) },
  { label: 'keystroke to first results painted, p95', unit: 'ms', source: 'interaction', value: (row) => row.interaction?.keystroke.p95Ms, limit: always({ max: 50, strict: true }) },
  { label: 'keystroke to refined results (bodies), median', unit: 'ms', source: 'interaction', value: (row) => row.interaction?.keystroke.completeMedianMs },
  { label: 'keystroke to refined results (bodies), p95', unit: 'ms', source: 'interaction', value: (row) => row.interaction?.keystroke.completeP95Ms, limit: always({ max: 300 }) },
  { label: 'dev server: edit to text shown, median', unit: 'ms', source: 'devEdit', digits: 0, value: (row) => row.devEdit?.medianMs, limit: (row) => (row.posts === devSize ? { max: 500, strict: true } : undefined) },
  { label: 'dev server: start to post ready', unit: 's', source: 'devEdit', value: (row) => row.devEdit?.firstLoadSeconds },
  { label: 'bench time for this size', unit: 's', source: 'build', digits: 0, value: (row) => row.benchSeconds },
]

const searchWord = bodyOnlyWord(SEARCHED_POST)!

async function buildWithMemory(postsDir: string, outDir: string, cacheDir: string): Promise<{ seconds: number; cpuSeconds: number; peakMB: number }> {
  quietDisk()
  const started = performance.now()
  const cpuBefore = childrenCpuSeconds()
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], {
    env: { ...process.env, POSTS_DIR: postsDir, OUT_DIR: outDir, BUILD_CACHE_DIR: cacheDir },
    detached: true,
    stdio: 'inherit',
  })
  let peak = 0
  const poll = setInterval(() => (peak = Math.max(peak, groupResidentKB(child.pid!))), 100)
  const code = await new Promise<number>((done) => child.on('exit', (exit) => done(exit ?? 1)))
  clearInterval(poll)
  if (code !== 0) throw new Error(`The build of ${postsDir} failed (exit ${code})`)
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: childrenCpuSeconds() - cpuBefore, peakMB: peak / 1024 }
}

/** Runs one measurement; a failure is written down for the report instead of ending the run. */
async function attempt<T>(row: Row, name: Measurement, measure: () => Promise<T>): Promise<T | undefined> {
  const started = performance.now()
  try {
    return await measure()
  } catch (error) {
    row.errors[name] = error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error)
    return undefined
  } finally {
    row.phaseSeconds[name] = (performance.now() - started) / 1000
    console.error(`  ${row.posts} posts: ${name} ${row.phaseSeconds[name]!.toFixed(1)} s`)
  }
}

const runStarted = performance.now()
const rows: Row[] = []
for (const posts of sizes) {
  const sizeStarted = performance.now()
  const postsDir = join(WORK, `posts-${posts}`)
  const outDir = existingDist ? resolve(existingDist) : join(WORK, `dist-${posts}`)
  const cacheDir = join(WORK, '.cache', `posts-${posts}`)
  const row: Row = { posts, buildSeconds: Number.NaN, buildCpuSeconds: Number.NaN, peakMemoryMB: Number.NaN, distMB: Number.NaN, distFiles: 0, pages: {}, benchSeconds: 0, phaseSeconds: {}, errors: {} }
  rows.push(row)
  // A cold build, as an author's first CI run makes it: the previous run's posts, output and cache are
  // set aside first (set-aside.ts: moved, untimed, and deleted once the run is over).
  if (!phases) for (const old of [postsDir, outDir, cacheDir]) setAside(old, WORK)
  if (!phases) generatePosts(postsDir, posts)
  const build = phases ? undefined : await attempt(row, 'build', () => buildWithMemory(postsDir, outDir, cacheDir))
  if (build || phases) {
    if (build) {
      row.buildSeconds = build.seconds
      row.buildCpuSeconds = build.cpuSeconds
      row.peakMemoryMB = build.peakMB
    }
    const dist = measureOutput(outDir)
    row.distMB = dist.bytes / MB
    row.distFiles = dist.files
    if (dist.largest) row.largestFile = dist.largest
    if (posts === devSize && !phases) {
      // An author edits one post and builds again, with the cache the cold build left (as a CI cache keeps it).
      appendFileSync(editedPost(postsDir, posts), '\nOne more paragraph, added before the rebuild.\n')
      row.rebuild = await attempt(row, 'rebuild', () => buildWithMemory(postsDir, outDir, cacheDir))
      if (jekyll) {
        for (const old of [join(WORK, `jekyll-${posts}`), join(WORK, `jekyll-${posts}-out`)]) setAside(old, WORK)
        jekyllSite(postsDir, join(WORK, `jekyll-${posts}`))
        row.jekyll = await attempt(row, 'jekyll', () => jekyllBuild(jekyll, join(WORK, `jekyll-${posts}`), join(WORK, `jekyll-${posts}-out`)))
        setAside(join(WORK, `jekyll-${posts}-out`), WORK)
      } else {
        row.errors.jekyll = 'jekyll is not installed, so the build ratios were not measured (the bench installs nothing: `sudo apt-get install jekyll`)'
      }
    }
    // The build's files reach the disk before the browser measurements start (untimed): at 10,000 posts
    // the kernel would otherwise spend the first minute writing 2 GB back beside the pages being timed.
    quietDisk()
    const { server, url } = await serveBuild(outDir)
    const browser = await launchBenchBrowser()
    try {
      const visit = runs('firstVisit') && await attempt(row, 'firstVisit', () => firstVisit(browser, url, { list: LIST, post: POST }))
      if (visit) {
        row.pages = visit.pages
        row.external = visit.external
        row.features = await attempt(row, 'features', async () => {
          const costs = featureCosts(outDir, { post: new Set(visit.fetched.post), list: new Set(visit.fetched.list) })
          // The chunks' own imports say what a feature fetches; one feature is checked against a browser.
          const settingsPanel = costs.find((cost) => cost.feature.startsWith('reader settings panel'))
          const seen = await settingsPanelFetches(browser, url, POST)
          const expected = (settingsPanel?.files ?? []).map((file) => `assets/${file}`).sort()
          if (JSON.stringify(seen) !== JSON.stringify(expected)) throw new Error(`Opening the settings panel fetched ${seen.join(', ') || 'nothing'}; the chunks' imports say ${expected.join(', ') || 'nothing'}`)
          return costs
        })
      }
      if (runs('paint')) row.paint = await attempt(row, 'paint', () =>
        // The post with and without JavaScript is compared against a 10 % budget, and one load's FCP
        // varies from 140 to 560 ms here at 4x CPU: at 11 loads a page, runs of one build gave +0.5 to
        // +11 %, and the 95 % interval of the difference was ~55 points wide; at 31 loads (about 85 s
        // more a size) ~35. The interval is printed beside the figure (docs/paint-stop-25.md).
        paintTimings(browser, {
          list: { url: url + LIST, javaScriptEnabled: true, loads: 5 },
          post: { url: url + POST, javaScriptEnabled: true, loads: POST_PAINT_LOADS },
          postWithoutJs: { url: url + POST, javaScriptEnabled: false, loads: POST_PAINT_LOADS },
        }),
      )
      if (runs('search')) row.search = await attempt(row, 'search', () => searchCost(browser, url, searchWord, `/blog/post-${SEARCHED_POST}/`))
      if (runs('interaction') || runs('floor')) {
        // The app and its floor in one measurement, interleaved (interaction-latency.ts).
        const latency = await attempt(row, 'interaction', () => interleavedLatency(browser, url, PAGE_SIZE))
        if (latency) {
          row.interaction = latency.app
          row.floor = latency.floor
          for (const note of latency.notes) console.error(`  ${posts} posts: ${note}`)
        } else {
          row.errors.floor = 'measured with the app\'s interactions, interleaved: see interaction'
        }
      }
      if (posts === devSize && runs('devEdit')) row.devEdit = await attempt(row, 'devEdit', () => devEdit(browser, postsDir, WORK, posts))
    } finally {
      await browser.close()
      await server.close()
    }
  }
  row.benchSeconds = (performance.now() - sizeStarted) / 1000
}
emptyTrash(WORK)
const runSeconds = (performance.now() - runStarted) / 1000

/** The whole run's sizes, and the measurements made once, at 1,000 posts. */
const FULL_SIZES = [100, 1000, 10000]
const ONCE: Measurement[] = ['rebuild', 'jekyll', 'devEdit']
/**
 * A whole run at 100, 1,000 and 10,000 posts, projected from this one: a size measured is counted as
 * it took; another from the nearest size measured, its build (and the untimed rest: generating posts,
 * writing them back to disk) in proportion to the posts, the browser's measurements as they are (their
 * pages hold 20 cards at any size), the measurements made once only at 1,000 posts.
 */
function projectedRunSeconds(measured: Row[]): number {
  return FULL_SIZES.reduce((sum, size) => {
    const same = measured.find((row) => row.posts === size)
    if (same) return sum + same.benchSeconds
    const nearest = [...measured].sort((a, b) => Math.abs(Math.log(a.posts / size)) - Math.abs(Math.log(b.posts / size)))[0]
    if (!nearest) return sum
    const scale = size / nearest.posts
    const timed = Object.values(nearest.phaseSeconds).reduce((total, seconds) => total + seconds, 0)
    const browser = Object.entries(nearest.phaseSeconds)
      .filter(([name]) => name !== 'build' && !ONCE.includes(name as Measurement))
      .reduce((total, [, seconds]) => total + seconds, 0)
    const once = size === 1000 ? ONCE.reduce((total, name) => total + (nearest.phaseSeconds[name] ?? 0), 0) : 0
    return sum + ((nearest.phaseSeconds.build ?? 0) + (nearest.benchSeconds - timed)) * scale + browser + once
  }, 0)
}

function cell(check: Check, row: Row): string {
  const value = check.value(row)
  const limit = check.limit?.(row)
  if (value === undefined || Number.isNaN(value)) {
    if (!runs(check.source)) return 'not run'
    if (row.errors[check.source]) return limit ? 'error FAIL' : 'error'
    return limit ? 'n/a FAIL' : '—'
  }
  const shown = check.format ? check.format(value) : `${value.toFixed(check.digits ?? 1)}${check.unit ? ` ${check.unit}` : ''}`
  if (!limit) return shown
  if (check.format) return `${shown} ${value >= limit.max ? 'PASS' : 'FAIL'}`
  return `${shown} ${(limit.strict ? value < limit.max : value <= limit.max) ? 'PASS' : 'FAIL'}`
}

/** The figure with what its check says after it. */
function cellWithNote(check: Check, row: Row): string {
  const note = check.note?.(row)
  return [cell(check, row), note].filter(Boolean).join(' ')
}

function budget(check: Check): string {
  if (check.format) return rows.some((row) => check.limit?.(row)) ? 'yes' : ''
  const limits = rows.map((row) => check.limit?.(row)).filter((limit): limit is Limit => limit !== undefined)
  const shown = (max: number) => (Number.isInteger(max) ? String(max) : max.toFixed(check.digits ?? 1))
  const texts = limits.map((limit) => `${limit.strict ? '<' : '≤'} ${shown(limit.max)}`).filter((text, index, all) => all.indexOf(text) === index)
  if (texts.length === 0) return ''
  const unlimited = rows.filter((row) => !check.limit?.(row)).map((row) => row.posts)
  return `${texts.join(' / ')}${check.unit ? ` ${check.unit}` : ''}${unlimited.length ? ` (not at ${unlimited.join(', ')} posts)` : ''}`
}

const lines: string[] = []
lines.push(`| figure | ${rows.map((row) => `${row.posts} posts`).join(' | ')} | budget |`)
lines.push(`|---|${rows.map(() => '---').join('|')}|---|`)
lines.push(`| dist size | ${rows.map((row) => (row.distFiles ? `${row.distMB.toFixed(1)} MB, ${row.distFiles} files; largest ${row.largestFile?.path ?? '—'}` : '—')).join(' | ')} | |`)
for (const check of CHECKS) {
  lines.push(`| ${check.label || '〃'} | ${rows.map((row) => cellWithNote(check, row)).join(' | ')} | ${budget(check)} |`)
}
for (const name of ['list', 'post']) {
  lines.push(`| ${name} page requests | ${rows.map((row) => Object.entries(row.pages[name] ?? {}).map(([kind, entry]) => `${kind} ${entry.requests} (${(entry.gzip / KB).toFixed(1)} KB gz)`).join(', ')).join(' | ')} | |`)
}
const featureNames = [...new Set(rows.flatMap((row) => (row.features ?? []).map((cost) => cost.feature)))]
for (const feature of featureNames) {
  const cells = rows.map((row) => {
    const cost = row.features?.find((each) => each.feature === feature)
    if (!cost) return '—'
    const size = Number.isNaN(cost.gzip) ? '—' : `${(cost.gzip / KB).toFixed(1)} KB (${cost.files.length} file${cost.files.length === 1 ? '' : 's'})`
    return cost.note ? `${size}; ${cost.note}` : size
  })
  lines.push(`| loaded later, ${feature}, gzip, beyond the ${featureNames.length ? rows[0]?.features?.find((each) => each.feature === feature)?.page : ''} page's first load | ${cells.join(' | ')} | |`)
}
lines.push(`| first search loads | ${rows.map((row) => row.search?.files.join(', ') ?? '—').join(' | ')} | |`)
lines.push(
  `| interactions without a change: tag, key (list unchanged: tag, key) | ${rows
    .map((row) => (row.interaction ? `${row.interaction.tag.unchanged}, ${row.interaction.keystroke.unchanged} (${row.interaction.tag.listUnchanged}, ${row.interaction.keystroke.listUnchanged})` : '—'))
    .join(' | ')} | |`,
)
console.log(lines.join('\n'))
// The post page is the same page at every size: its loads together say most precisely whether the app
// delays the post's paint; each size's own figure is the one the budget is held to.
const painted = rows.flatMap((row) => (row.paint ? [row.paint] : []))
if (painted.length > 1) {
  const together = (page: 'post' | 'postWithoutJs', metric: 'fcpMs' | 'lcpMs') => painted.flatMap((paint) => paint[page].loads.map((load) => load[metric]))
  const line = (metric: 'fcpMs' | 'lcpMs', name: string) => {
    const difference = medianDifference(together('post', metric), together('postWithoutJs', metric))
    return `${name} ${signed(difference.percent)} % ${interval(difference)}`
  }
  console.log(`\nThe post's ${together('post', 'fcpMs').length} loads with JavaScript against its ${together('postWithoutJs', 'fcpMs').length} without, every size together: ${line('fcpMs', 'FCP')}, ${line('lcpMs', 'LCP')}`)
}
const wholeRunPasses = runSeconds < WHOLE_RUN_SECONDS
console.log(`\nWhole run: ${runSeconds.toFixed(0)} s for ${sizes.join(', ')} posts (budget < ${WHOLE_RUN_SECONDS} s for 100, 1000, 10000) ${wholeRunPasses ? 'PASS' : 'FAIL'}`)
if (FULL_SIZES.some((size) => !sizes.includes(size))) {
  console.log(`Projected from this run's phases, a whole run at ${FULL_SIZES.join(', ')} posts: ${projectedRunSeconds(rows).toFixed(0)} s (budget < ${WHOLE_RUN_SECONDS} s)`)
}
if (!jekyll) console.log('jekyll is not installed: plain Jekyll\'s build and the two build ratios were not measured. The bench installs nothing; `sudo apt-get install jekyll` gives it.')
for (const row of rows) {
  for (const [name, message] of Object.entries(row.errors)) console.log(`${row.posts} posts, ${name} failed: ${message}`)
  for (const [page, urls] of Object.entries(row.external ?? {})) if (urls.length) console.log(`${row.posts} posts, ${page} page requested off the origin: ${urls.join(', ')}`)
}
if (!sizes.some((size) => size <= 1000)) console.log('The dev server was not measured: no size of 1,000 posts or fewer.')
mkdirSync('bench/results', { recursive: true })
writeFileSync(join('bench/results', `${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`), JSON.stringify(rows, null, 2))
