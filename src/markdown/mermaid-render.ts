/**
 * Mermaid, loaded on demand by MermaidDiagram. A diagram comes from a post, so it is untrusted:
 * - `securityLevel: 'strict'`: labels are text (HTML in them is encoded), click handlers and links off;
 * - no HTML labels (`htmlLabels: false`): every label is SVG text, no `<foreignObject>` HTML;
 * - `secure` lists every key a post's `%%{init: ...}%%` directive must not change, the theme and its CSS
 *   included (CSS could load images from elsewhere);
 * - the SVG is run through DOMPurify's SVG profile before it is put into the page, and any `url(...)`
 *   that is not a reference inside the SVG (`url(#arrow)`) is broken, as is `@import`.
 *
 * Mermaid itself is its own prebuilt file, copied beside the app's (src/content/build/mermaid-files.ts
 * says why): imported from there, at the base path, the first time a diagram is drawn.
 */
import type { Mermaid } from 'mermaid'
import DOMPurify from 'dompurify'
import { basePath } from '../shared/base-path.ts'
import type { DocumentTheme } from './use-document-theme.ts'

const SECURE_KEYS = ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'suppressErrorRendering', 'htmlLabels', 'theme', 'themeVariables', 'themeCSS', 'fontFamily', 'darkMode', 'flowchart']

let renders = 0
let loading: Promise<Mermaid> | null = null
const loadMermaid = () =>
  (loading ??= (import(/* @vite-ignore */ `${basePath}${__MERMAID_FOLDER__}mermaid.esm.min.js`) as Promise<{ default: Mermaid }>).then((module) => module.default))
// mermaid.initialize is global: one diagram at a time, each with its own theme.
let queue: Promise<unknown> = Promise.resolve()

export function renderMermaid(source: string, theme: DocumentTheme): Promise<string> {
  const next = queue.then(async () => {
    const mermaid = await loadMermaid()
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      theme: theme === 'dark' ? 'dark' : 'default',
      fontFamily: 'inherit',
      secure: SECURE_KEYS,
      // A diagram that does not parse is reported beside its code (MermaidDiagram), not drawn as a bomb.
      suppressErrorRendering: true,
    })
    renders += 1
    const { svg } = await mermaid.render(`mermaid-diagram-${renders}`, source)
    const clean = DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true }, ADD_TAGS: ['style'] })
    // A `classDef` puts the post's CSS into the diagram's <style>: no address outside the SVG may load.
    return clean.replace(/url\(\s*(['"]?)(?!#)/gi, 'invalid($1').replace(/@import/gi, '@invalid')
  })
  queue = next.catch(() => undefined)
  return next
}
