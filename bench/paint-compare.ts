/**
 * Whether the app delays a post's first paint, with more loads than `npm run bench` can afford:
 * `npx tsx bench/paint-compare.ts <dist folder> [loads, default 100] [post path, default blog/post-0/]`
 * loads the post with JavaScript, without it, and as the same HTML with every script taken out but
 * JavaScript on (what a browser costs a page that has no script at all), taking turns as the bench's
 * paint phase does (paint-timing.ts), and prints each one's median and mean FCP and LCP and its partial
 * first paints. The bench's figure compares the first two at 31 loads a page, where two identical
 * pages differ by up to ±15 points run to run (docs/bench-stop-26.md). Works on a copy of the folder.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serveBuild } from '../e2e/browser.ts'
import { launchBenchBrowser } from './browser.ts'
import { paintTimings, type PaintLoad } from './paint-timing.ts'

const [dist, loadsArgument, postArgument] = process.argv.slice(2)
if (!dist) throw new Error('Usage: npx tsx bench/paint-compare.ts <dist folder> [loads] [post path]')
const loads = Number(loadsArgument ?? 100)
const post = (postArgument ?? 'blog/post-0/').replace(/^\/|\/$/g, '') + '/'
const copy = mkdtempSync(join(tmpdir(), 'paint-compare-'))
try {
  cpSync(dist, copy, { recursive: true })
  const scriptless = `${post.slice(0, -1)}-scriptless/`
  mkdirSync(join(copy, scriptless), { recursive: true })
  const html = readFileSync(join(copy, post, 'index.html'), 'utf8')
  writeFileSync(join(copy, scriptless, 'index.html'), html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ''))
  const { server, url } = await serveBuild(copy)
  const browser = await launchBenchBrowser()
  try {
    const figures = await paintTimings(browser, {
      withJs: { url: url + post, javaScriptEnabled: true, loads },
      withoutJs: { url: url + post, javaScriptEnabled: false, loads },
      noScriptJsOn: { url: url + scriptless, javaScriptEnabled: true, appless: true, loads },
    })
    const mean = (values: PaintLoad[], key: 'fcpMs' | 'lcpMs') => values.reduce((sum, load) => sum + load[key], 0) / values.length
    for (const [name, figure] of Object.entries(figures)) {
      console.log(`${name.padEnd(13)} FCP median ${figure.fcpMs.toFixed(0)} ms, mean ${mean(figure.loads, 'fcpMs').toFixed(0)} ms; LCP median ${figure.lcpMs.toFixed(0)} ms, mean ${mean(figure.loads, 'lcpMs').toFixed(0)} ms; partial first paints ${figure.partialFirstPaints} of ${figure.loads.length}`)
    }
  } finally {
    await browser.close()
    await server.close()
  }
} finally {
  rmSync(copy, { recursive: true, force: true })
}
