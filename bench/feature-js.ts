/**
 * What a feature loads later, beside the first-load budget (issue 18: "code loaded later for a feature
 * the page has is reported beside it, per feature"): for each code-split feature, the gzip bytes the
 * browser fetches when the feature is triggered, minus what its page loaded already at first visit.
 *
 * Read from the built chunks themselves, not guessed: a feature is a chunk the app imports with
 * `import()` (the settings panel, the Mermaid diagram, the search engine, the archive route...). The
 * browser then fetches that chunk and, transitively, every chunk it imports statically (`import ... from
 * "./x.js"`, which is what the bundler writes) and the stylesheets Vite preloads with it
 * (`__vite__mapDeps`); of those, the files the page already has are not fetched again. That set is what
 * the bench's browser check (`checkInBrowser` in run.ts: open the settings panel) sees requested.
 * Mermaid is not a chunk but its own prebuilt files (`assets/mermaid-<version>/`, see
 * src/content/build/mermaid-files.ts), copied only for a site with a diagram: the renderer row adds its entry's closure, the flowchart row its
 * `flowDiagram` chunk's. KaTeX's stylesheet is a `<link>` a post with math adds; its fonts load per face a formula uses, so
 * they are given as the faces' total and the one every formula needs (KaTeX_Main-Regular).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { APP_READY, freshContext } from './browser.ts'
import { mermaidAssets } from '../src/content/build/mermaid-files.ts'

export interface FeatureCost {
  feature: string
  /** Which page's first visit it is counted against. */
  page: 'post' | 'list'
  gzip: number
  files: string[]
  note?: string
}

/** Mermaid's entry in its folder (`mermaid-<version>/`). */
const MERMAID_ENTRY = 'mermaid.esm.min'

/** Features: the chunk (by the module's file name) the app imports when the feature is used. */
const FEATURES: Array<{ feature: string; page: 'post' | 'list'; chunks: string[] }> = [
  { feature: 'reader settings panel (opened)', page: 'post', chunks: ['reader-settings-panel'] },
  { feature: 'Mermaid diagram (scrolled near): renderer', page: 'post', chunks: ['mermaid-diagram', 'mermaid-render', MERMAID_ENTRY] },
  { feature: 'Mermaid diagram: a flowchart\'s own code', page: 'post', chunks: ['mermaid-diagram', 'mermaid-render', MERMAID_ENTRY, 'flowDiagram'] },
  { feature: 'carousel (post with one)', page: 'post', chunks: ['carousel'] },
  { feature: 'offline reading (service worker registration)', page: 'post', chunks: ['offline-reading'] },
  { feature: 'search code and engine (first focus of the field; code only)', page: 'list', chunks: ['search-code'] },
  { feature: 'list filter view (first tag filter)', page: 'list', chunks: ['list-view'] },
  { feature: 'archive route (from the list)', page: 'list', chunks: ['archive-page'] },
  { feature: 'series route (from the list)', page: 'list', chunks: ['series-page'] },
]

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`](\.\/[\w./~-]+\.(?:js|css))["'`]/g
const MAP_DEPS = /m\.f=\[([^\]]*)\]/

/**
 * `loaded`: by page, the asset paths (`assets/x.js`) its first visit fetched (first-visit.ts).
 * The Mermaid flowchart row counts only what the flowchart adds to the renderer's row.
 */
export function featureCosts(outDir: string, loaded: Record<'post' | 'list', Set<string>>): FeatureCost[] {
  const assets = join(outDir, 'assets')
  const names = readdirSync(assets)
  // Mermaid's own files, by their path under assets/ (`mermaid-11.17.2/chunks/mermaid.esm.min/flowDiagram-X.js`).
  // A site without a diagram has no copy (the bench's generated posts have none): the files a build
  // copies for one are measured instead, so the rows still say what a diagram costs.
  const mermaidFolder = names.find((name) => /^mermaid-\d[\w.-]*$/.test(name))
  const mermaidCopy = mermaidFolder ? null : new Map(mermaidAssets(process.cwd()).map(([file, source]) => [file.replace(/^assets\//, ''), source]))
  const mermaidNames = mermaidCopy
    ? [...mermaidCopy.keys()]
    : [`${mermaidFolder}/${MERMAID_ENTRY}.js`, ...readdirSync(join(assets, mermaidFolder!, 'chunks', MERMAID_ENTRY)).map((name) => `${mermaidFolder}/chunks/${MERMAID_ENTRY}/${name}`)]
  const text = new Map<string, string>(mermaidCopy ?? [])
  const read = (name: string) => {
    if (!text.has(name)) text.set(name, readFileSync(join(assets, name), 'utf8'))
    return text.get(name)!
  }
  // `flowDiagram-HODETNUW-sP1cPYBA.js`: Mermaid's own chunks carry a second hash.
  const chunkOf = (prefix: string) =>
    names.find((name) => new RegExp(`^${prefix}(-[A-Z0-9]{8})?-[\\w-]{8}\\.js$`).test(name)) ??
    mermaidNames.find((name) => new RegExp(`/${prefix}(-[A-Z0-9]{8})?\\.js$`).test(name))
  /** A chunk with every chunk it imports statically, and the stylesheets preloaded with it. */
  const closure = (start: string, into = new Set<string>()): Set<string> => {
    if (into.has(start)) return into
    into.add(start)
    if (!start.endsWith('.js')) return into
    const source = read(start)
    for (const match of source.matchAll(STATIC_IMPORT)) closure(posix.join(posix.dirname(start), match[1]!), into)
    return into
  }
  /** Stylesheets Vite preloads with dynamic imports of this chunk's (listed in its __vite__mapDeps). */
  const preloadedCss = (importer: string, chunk: string): string[] => {
    const list = MAP_DEPS.exec(read(importer))?.[1]
    if (!list) return []
    const deps = [...list.matchAll(/["'`]assets\/([\w.~-]+)["'`]/g)].map((match) => match[1]!)
    const stem = chunk.replace(/(-[A-Z0-9]{8})?-[\w-]{8}\.js$/, '')
    return deps.filter((dep) => dep.endsWith('.css') && dep.startsWith(stem))
  }
  const gzipOf = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gzipSync(mermaidCopy?.get(file) ?? readFileSync(join(assets, file))).length, 0)
  const costs: FeatureCost[] = []
  let mermaidRenderer = new Set<string>()
  for (const { feature, page, chunks } of FEATURES) {
    const found = chunks.map(chunkOf)
    if (found.some((chunk) => chunk === undefined)) {
      costs.push({ feature, page, gzip: Number.NaN, files: [], note: `no chunk ${chunks.filter((_, index) => !found[index]).join(', ')} in the build` })
      continue
    }
    const files = new Set<string>()
    for (const chunk of found as string[]) {
      closure(chunk, files)
      for (const importer of names.filter((name) => name.endsWith('.js') && read(name).includes(`./${chunk}`))) for (const css of preloadedCss(importer, chunk)) files.add(css)
    }
    const already = new Set([...loaded[page]].map((path) => path.replace(/^assets\//, '')))
    let fetched = [...files].filter((file) => !already.has(file))
    if (chunks.includes('flowDiagram')) fetched = fetched.filter((file) => !mermaidRenderer.has(file))
    else if (chunks.includes('mermaid-render')) mermaidRenderer = new Set(fetched)
    const copied = mermaidCopy !== null && chunks.includes(MERMAID_ENTRY) ? { note: 'this site has no diagram, so no copy: measured from the files a build copies for one' } : {}
    costs.push({ feature, page, gzip: gzipOf(fetched), files: fetched.sort(), ...copied })
  }
  const mathCss = names.filter((name) => /^math-[\w-]{8}\.css$/.test(name))
  const fonts = names.filter((name) => name.startsWith('KaTeX_') && name.endsWith('.woff2'))
  costs.push({ feature: 'KaTeX stylesheet (post with math)', page: 'post', gzip: gzipOf(mathCss), files: mathCss })
  const mainFont = fonts.filter((name) => name.startsWith('KaTeX_Main-Regular-'))
  costs.push({ feature: 'KaTeX fonts: Main-Regular (every formula) / all faces', page: 'post', gzip: gzipOf(mainFont), files: mainFont, note: `${(gzipOf(fonts) / 1024).toFixed(1)} KB for all ${fonts.length} woff2 faces; each loads only when a formula uses it` })
  costs.push({ feature: 'comments (asked for)', page: 'post', gzip: Number.NaN, files: [], note: 'giscus.app/client.js, off the origin: loaded only when a reader asks for comments; not measured (the bench runs offline)' })
  return costs
}

/**
 * The check that the set above is what a browser fetches: the post page is loaded, then the reading
 * settings are opened; the site's files requested after the click are returned (`assets/x.js`).
 */
export async function settingsPanelFetches(browser: Browser, url: string, post: string): Promise<string[]> {
  const context = await freshContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(url + post, { waitUntil: 'networkidle', timeout: 120_000 })
    await page.waitForSelector(APP_READY, { timeout: 60_000 })
    const later: string[] = []
    page.on('request', (request) => {
      const target = new URL(request.url())
      if (target.origin === new URL(url).origin) later.push(target.pathname.slice(new URL(url).pathname.length))
    })
    await page.click('.reader-settings-toggle')
    await page.waitForLoadState('networkidle')
    await page.waitForSelector('.reader-settings-toggle[aria-expanded="true"]')
    return later.sort()
  } finally {
    await context.close()
  }
}
