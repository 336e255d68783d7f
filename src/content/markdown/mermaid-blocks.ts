/**
 * Whether a rendered body has a Mermaid diagram: a `<pre>` whose `<code>` is `language-mermaid`, which
 * src/markdown/components.tsx draws. The build copies Mermaid's files only for a site that has one
 * (mermaid-files.ts): 3.5 MB in 104 files (Mermaid 11.17) that a site without diagrams never loads.
 */
import type { Element, Root } from 'hast'
import { someElement } from './hast-walk.ts'

export function hasMermaidDiagram(tree: Root): boolean {
  return someElement(tree, (node) => {
    if (node.tagName !== 'pre') return false
    const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code')
    const classes = code?.properties.className
    return Array.isArray(classes) && classes.includes('language-mermaid')
  })
}
