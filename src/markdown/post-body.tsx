/**
 * Renders a post body (the hast tree the build made) with the app's components. The parsing half of
 * react-markdown ran at build time (`src/content/markdown/render-markdown.ts`), so the browser downloads only
 * the small tree-to-React step (`render-hast.ts`), not the parser. The prerenderer uses this same
 * module, so the page it writes is the one the browser hydrates.
 */
import { useMemo } from 'react'
import type { Element, Root, RootContent } from 'hast'
import { renderHast } from './render-hast.ts'
import { markdownComponents } from './components.tsx'
import codeThemeUrl from './code-theme.css?url'
import { mathCssUrl } from './math.tsx'

export function PostBody({ tree }: { tree: Root }) {
  const hasCode = useMemo(() => contains(tree, (node) => node.tagName === 'pre'), [tree])
  const hasMath = useMemo(() => contains(tree, (node) => node.properties.dataElement === 'math'), [tree])
  return (
    <>
      {/* React hoists this into <head> and loads it once; posts without code never fetch it. */}
      {hasCode && <link rel="stylesheet" href={codeThemeUrl} precedence="default" />}
      {/* KaTeX's stylesheet and fonts: only on posts with math, with JavaScript off too. */}
      {hasMath && <link rel="stylesheet" href={mathCssUrl} precedence="default" />}
      {renderHast(tree, markdownComponents)}
    </>
  )
}

function contains(node: Root | RootContent, test: (element: Element) => boolean): boolean {
  if (node.type === 'element' && test(node)) return true
  return 'children' in node && node.children.some((child) => contains(child, test))
}
