/**
 * PostCSS plugin: an `@font-face` that offers a WOFF2 file keeps only that one. KaTeX's stylesheet lists
 * each face as WOFF2, WOFF and TrueType, and the build copies whatever a stylesheet names: 1.07 MB in 60
 * files for every site, where the 20 WOFF2 files (0.26 MB) are all a browser fetches: every browser
 * the app supports (ES2022, see vite.config.ts) reads WOFF2, as do their JavaScript-off views.
 *
 * It runs after Vite inlines `@import`s and before it copies the files `url()`s name, so the others are
 * never copied.
 */
import type { Plugin } from 'postcss'

/** `url(a.woff2) format("woff2"),url(a.woff) format("woff")` -> `url(a.woff2) format("woff2")`; a list without WOFF2 is left as it is. */
export function keepWoff2(sources: string): string {
  const woff2 = splitSources(sources).find((source) => /format\(\s*["']?woff2["']?\s*\)/i.test(source))
  return woff2 ?? sources
}

/** A `src` list's entries: commas inside `url(...)` or `format(...)` do not split it. */
function splitSources(sources: string): string[] {
  const entries: string[] = []
  let depth = 0
  let start = 0
  for (let index = 0; index < sources.length; index += 1) {
    const char = sources[index]
    if (char === '(') depth += 1
    else if (char === ')') depth -= 1
    else if (char === ',' && depth === 0) {
      entries.push(sources.slice(start, index).trim())
      start = index + 1
    }
  }
  entries.push(sources.slice(start).trim())
  return entries
}

export function woff2Only(): Plugin {
  return {
    postcssPlugin: 'woff2-only',
    AtRule: {
      'font-face': (rule) => {
        rule.walkDecls('src', (declaration) => {
          declaration.value = keepWoff2(declaration.value)
        })
      },
    },
  }
}
