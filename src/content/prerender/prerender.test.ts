import { describe, expect, it } from 'vitest'
import { fillTemplate, startAppAfterFirstPaint } from './prerender.ts'
import { PRERENDER_DATA_ID } from '../../shared/data-paths.ts'

// `dist/index.html` as Vite writes it: the theme's inline script, the entry script, the chunks it preloads, the stylesheet.
const BUILT = `<!doctype html>
<html lang="en">
  <head>
    <title>Peer Notes</title>
    <script>
      try { var theme = localStorage.getItem('theme') } catch (error) {}
    </script>
    <script type="module" crossorigin src="/blog-base/assets/index-ByfgK4mZ.js"></script>
    <link rel="modulepreload" crossorigin href="/blog-base/assets/framework-DHdYtwkb.js">
    <link rel="stylesheet" crossorigin href="/blog-base/assets/index-Cx1.css">
  </head>
  <body>
    <div id="root"></div>
    <noscript>This blog needs JavaScript to show its posts.</noscript>
  </body>
</html>`

describe('startAppAfterFirstPaint', () => {
  it('leaves no module script or preload that loads before the first paint: one classic script, before the stylesheet', () => {
    const page = startAppAfterFirstPaint(BUILT)
    expect(page).not.toContain('<script type="module"')
    expect(page).not.toContain('<link rel="modulepreload"')
    expect([...page.matchAll(/<script>/g)]).toHaveLength(2)
    // After a stylesheet, an inline classic script would hold up the parser until the stylesheet loads.
    expect(page.indexOf(startScript(page))).toBeLessThan(page.indexOf('<link rel="stylesheet"'))
  })

  it('imports the app once the page is parsed and its first contentful paint is on screen, preloading every module together', () => {
    const browser = fakeBrowser({ search: '' })
    browser.run(startAppAfterFirstPaint(BUILT))
    expect(browser.imported).toEqual([])
    browser.parsed()
    browser.frame()
    browser.runTimers(10)
    expect(browser.imported).toEqual([])
    browser.paint('first-paint')
    browser.runTimers(20)
    expect(browser.imported).toEqual([])
    browser.paint('first-contentful-paint')
    expect(browser.imported).toEqual([])
    browser.runTimers(30)
    expect(browser.imported).toEqual(['/blog-base/assets/index-ByfgK4mZ.js'])
    expect(browser.preloaded).toEqual(['/blog-base/assets/index-ByfgK4mZ.js', '/blog-base/assets/framework-DHdYtwkb.js'])
    expect(browser.observing).toBe(0)
    browser.runTimers(5000)
    expect(browser.imported).toHaveLength(1)
  })

  it('starts a page first painted while it was still being parsed', () => {
    for (const buffered of [true, false]) {
      const browser = fakeBrowser({ search: '', replaysBuffered: buffered })
      browser.run(startAppAfterFirstPaint(BUILT))
      browser.paint('first-contentful-paint')
      browser.parsed()
      browser.runTimers()
      expect(browser.imported).toHaveLength(1)
    }
  })

  it('starts a page on screen whose first contentful paint is never reported a second after its first frame', () => {
    const browser = fakeBrowser({ search: '' })
    browser.run(startAppAfterFirstPaint(BUILT))
    browser.parsed()
    browser.frame()
    browser.runTimers(999)
    expect(browser.imported).toEqual([])
    browser.runTimers(1000)
    expect(browser.imported).toHaveLength(1)
  })

  it('starts a page that is never shown (a background tab, no frames) after five seconds, and only once', () => {
    for (const paintTiming of [true, false]) {
      const browser = fakeBrowser({ search: '', paintTiming })
      browser.run(startAppAfterFirstPaint(BUILT))
      browser.parsed()
      browser.runTimers(4999)
      expect(browser.imported).toEqual([])
      browser.runTimers(5000)
      expect(browser.imported).toHaveLength(1)
      browser.frame()
      browser.paint('first-contentful-paint')
      browser.runTimers(7000)
      expect(browser.imported).toHaveLength(1)
    }
  })

  it('starts a frame after parsing where the browser has no paint timing', () => {
    const browser = fakeBrowser({ search: '', paintTiming: false })
    browser.run(startAppAfterFirstPaint(BUILT))
    browser.parsed()
    browser.runTimers(10)
    expect(browser.imported).toEqual([])
    browser.frame()
    browser.runTimers(20)
    expect(browser.imported).toHaveLength(1)
  })

  it('starts a shared filter or search (`/?q=...`) as soon as the page is parsed: the app makes the page asked for', () => {
    const browser = fakeBrowser({ search: '?q=team' })
    browser.run(startAppAfterFirstPaint(BUILT))
    expect(browser.imported).toEqual([])
    browser.parsed()
    expect(browser.imported).toHaveLength(1)
  })

  it('stops the build when the built page has no entry script to start', () => {
    expect(() => startAppAfterFirstPaint(BUILT.replace(/<script type="module"[^>]*><\/script>/, ''))).toThrow(/no `<script type="module" crossorigin src/)
  })
})

/** The page's script that starts the app (the other inline script is the theme's). */
function startScript(page: string): string {
  const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].filter((match) => match[1]!.includes('import('))
  expect(scripts).toHaveLength(1)
  return scripts[0]![0]
}

/**
 * Runs the page's start script against a stand-in for the browser's APIs it uses, the dynamic `import()`
 * recorded rather than made (it is syntax, so the script's text is given a recorder for it). Paints are
 * kept as the browser's performance timeline keeps them: a buffered observer is given those made before
 * it (`replaysBuffered: false` is Safari, which does not for paint entries).
 */
function fakeBrowser({ search, paintTiming = true, replaysBuffered = true }: { search: string; paintTiming?: boolean; replaysBuffered?: boolean }) {
  const imported: string[] = []
  const preloaded: string[] = []
  let now = 0
  let timers: Array<{ at: number; run: () => void }> = []
  let frames: Array<() => void> = []
  let onParsed: (() => void) | null = null
  const painted: string[] = []
  type Entries = { getEntriesByName: (name: string) => unknown[] }
  const observers = new Set<FakeObserver>()
  const entriesOf = (names: string[]): Entries => ({ getEntriesByName: (wanted) => names.filter((name) => name === wanted) })
  const document = {
    readyState: 'loading',
    addEventListener: (type: string, listener: () => void) => type === 'DOMContentLoaded' && (onParsed = listener),
    createElement: () => ({}),
    head: { append: (link: { rel: string; href: string }) => link.rel === 'modulepreload' && preloaded.push(link.href) },
  }
  class FakeObserver {
    static supportedEntryTypes = paintTiming ? ['paint', 'navigation'] : ['navigation']
    constructor(readonly callback: (entries: Entries, observer: FakeObserver) => void) {}
    observe(options: { type?: string; buffered?: boolean }) {
      if (options.type !== 'paint') return
      observers.add(this)
      if (options.buffered && replaysBuffered && painted.length > 0) this.callback(entriesOf(painted), this)
    }
    disconnect() {
      observers.delete(this)
    }
  }
  const globals = {
    document,
    location: { search },
    performance: { getEntriesByName: (name: string) => (paintTiming ? painted.filter((entry) => entry === name) : []) },
    PerformanceObserver: paintTiming ? FakeObserver : undefined,
    setTimeout: (run: () => void, delay = 0) => timers.push({ at: now + delay, run }),
    requestAnimationFrame: (run: () => void) => frames.push(run),
    __import: (path: string) => imported.push(path),
  }
  return {
    imported,
    preloaded,
    get observing() {
      return observers.size
    },
    run(page: string) {
      const script = /<script>([\s\S]*?)<\/script>/.exec(startScript(page))![1]!.replace(/\bimport\(/g, '__import(')
      new Function(...Object.keys(globals), script)(...Object.values(globals))
    },
    parsed() {
      document.readyState = 'interactive'
      onParsed?.()
    },
    paint(name: string) {
      painted.push(name)
      for (const observer of [...observers]) observer.callback(entriesOf([name]), observer)
    },
    frame() {
      const due = frames
      frames = []
      for (const run of due) run()
    },
    runTimers(until = now) {
      now = until
      for (let due = timers.filter((timer) => timer.at <= now); due.length > 0; due = timers.filter((timer) => timer.at <= now)) {
        timers = timers.filter((timer) => timer.at > now)
        for (const timer of due) timer.run()
      }
    },
  }
}

describe('fillTemplate', () => {
  it('inlines the page data as JSON that no text in it can close early', () => {
    const state = { mutations: [], queries: [{ queryKey: ['posts'], state: { data: '</script><script>alert(1)</script>' } }] }
    const page = fillTemplate(BUILT, '<title>A post</title>', '<main>Text</main>', { path: '/blog/a/', state } as never)
    const data = page.match(new RegExp(`<script type="application/json" id="${PRERENDER_DATA_ID}">([^<]*)</script>`))
    expect(data).not.toBeNull()
    expect(JSON.parse(data![1]!)).toEqual({ path: '/blog/a/', state })
    expect(page).toContain('<div id="root"><main>Text</main></div>')
    expect(page.match(/<title>/g)).toHaveLength(1)
    // A prerendered page reads without JavaScript: the template's notice saying otherwise is left out.
    expect(page).not.toContain('<noscript>')
  })

  it("leaves a post's own <noscript> text in its markup: only the template's notice goes", () => {
    const page = fillTemplate(BUILT, '<title>A post</title>', '<main><p>&lt;noscript&gt;kept&lt;/noscript&gt;</p><noscript>also kept</noscript></main>', { path: '/blog/a/', state: { mutations: [], queries: [] } } as never)
    expect(page).toContain('<div id="root"><main><p>&lt;noscript&gt;kept&lt;/noscript&gt;</p><noscript>also kept</noscript></main></div>')
    expect(page).not.toContain('needs JavaScript')
  })

  it.each([["$'"], ['$`'], ['$$'], ['$&']])('puts %s in a title, the markup and the data as written', (pattern) => {
    const state = { mutations: [], queries: [{ queryKey: ['posts'], state: { data: `quote ${pattern} end` } }] }
    const page = fillTemplate(BUILT, `<title>T ${pattern}</title>`, `<main><code>${pattern}</code></main>`, { path: '/blog/a/', state } as never)
    expect(page).toContain(`<title>T ${pattern}</title>\n  </head>`)
    expect(page).toContain(`<div id="root"><main><code>${pattern}</code></main></div>`)
    const data = page.match(new RegExp(`<script type="application/json" id="${PRERENDER_DATA_ID}">([^<]*)</script>`))
    expect(JSON.parse(data![1]!)).toEqual({ path: '/blog/a/', state })
  })
})

