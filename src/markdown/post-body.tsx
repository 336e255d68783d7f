/**
 * Renders a post body (the hast tree the build made) with the app's components. This is the browser
 * half of react-markdown: the parsing half ran at build time (`src/content/render-markdown.ts`), so the
 * browser downloads the small tree-to-React step, not the parser. The prerenderer uses this same module.
 */
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { toJsxRuntime } from 'hast-util-to-jsx-runtime'
import type { Root } from 'hast'
import { markdownComponents } from './components.tsx'

export function PostBody({ tree }: { tree: Root }) {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components: markdownComponents, passKeys: true })
}
