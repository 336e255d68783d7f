import { describe, expect, it } from 'vitest'
import { fillTemplate, startAppAfterFirstPaint } from './prerender.ts'
import { PRERENDER_DATA_ID } from '../../shared/data-paths.ts'

// The head of `dist/index.html` as Vite writes it (entry script, then the chunks it preloads).
const BUILT = `<!doctype html>
<html lang="en">
  <head>
    <title>Peer Notes</title>
    <script type="module" crossorigin src="/blog-base/assets/index-ByfgK4mZ.js"></script>
    <link rel="modulepreload" crossorigin href="/blog-base/assets/framework-DHdYtwkb.js">
  </head>
  <body>
    <div id="root"></div>
    <noscript>This blog needs JavaScript to show its posts.</noscript>
  </body>
</html>`

describe('startAppAfterFirstPaint', () => {
  it('fetches and runs the app only once the first frame is painted: no module script or preload before', () => {
    const page = startAppAfterFirstPaint(BUILT)
    expect(page).not.toContain('<script type="module" crossorigin src=')
    expect(page).not.toContain('<link rel="modulepreload"')
    const starters = [...page.matchAll(/<script type="module">([^<]*)<\/script>/g)].map((match) => match[1])
    expect(starters).toEqual([
      'const start = () => { ' +
        'for (const href of ["/blog-base/assets/index-ByfgK4mZ.js","/blog-base/assets/framework-DHdYtwkb.js"]) ' +
        "document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href, crossOrigin: '' })); " +
        'import("/blog-base/assets/index-ByfgK4mZ.js") }; ' +
        // A shared filter or search (`/?q=...`): the app makes the page asked for, at once.
        'if (location.search) start(); else requestAnimationFrame(() => setTimeout(start))',
    ])
  })

  it('stops the build when the built page has no entry script to start', () => {
    expect(() => startAppAfterFirstPaint(BUILT.replace(/<script type="module"[^>]*><\/script>/, ''))).toThrow(/no `<script type="module" crossorigin src/)
  })
})

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

