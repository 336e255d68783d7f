/**
 * Math typeset at build time (src/content/markdown/math/rehype-math-katex.ts): the element carries
 * KaTeX's markup, already sanitized with KaTeX's own schema, as `data-math-html`. No math code runs in
 * the browser; PostBody links KaTeX's stylesheet on posts that have math.
 */
import mathCssUrl from './math.css?url'

export { mathCssUrl }

export function MathMarkup({ display, className, html }: { display: boolean; className: string | undefined; html: string }) {
  // A wide formula scrolls sideways on its own; focusable, so a keyboard can scroll it too.
  if (display) return <div className={className} data-element="math" tabIndex={0} dangerouslySetInnerHTML={{ __html: html }} />
  return <span className={className} data-element="math" dangerouslySetInnerHTML={{ __html: html }} />
}
