/**
 * Renders a post body (the hast tree the build made) with the app's components. This is the browser
 * half of react-markdown: the parsing half ran at build time (`src/content/render-markdown.ts`), so the
 * browser downloads the small tree-to-React step, not the parser. The prerenderer uses this same module.
 */
import { useMemo } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { toJsxRuntime } from 'hast-util-to-jsx-runtime'
import type { Root, RootContent } from 'hast'
import { markdownComponents } from './components.tsx'
import codeThemeUrl from './code-theme.css?url'

export function PostBody({ tree }: { tree: Root }) {
  const hasCode = useMemo(() => contains(tree, 'pre'), [tree])
  return (
    <>
      {/* React hoists this into <head> and loads it once; posts without code never fetch it. */}
      {hasCode && <link rel="stylesheet" href={codeThemeUrl} precedence="default" />}
      {toJsxRuntime(tree, { Fragment, jsx, jsxs, components: markdownComponents, passKeys: true })}
    </>
  )
}

function contains(node: Root | RootContent, tagName: string): boolean {
  if (node.type === 'element' && node.tagName === tagName) return true
  return 'children' in node && node.children.some((child) => contains(child, tagName))
}
