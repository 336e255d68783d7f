/**
 * A post body's hast tree -> React elements, with components for some tag names.
 *
 * The browser half of react-markdown is `hast-util-to-jsx-runtime`, which handles any hast (SVG, MDX,
 * `style` strings, every HTML property) and weighs some 9 KB gzipped with its tables. A post body is
 * not any hast: it passed `src/content/markdown/sanitize-schema.ts`, so it holds only HTML elements, text and
 * the schema's properties. For those, this gives the same React elements (and so the same markup):
 *
 * - `className` and the other space-separated lists become one string, `accept` and `coords`
 *   (comma-separated) a `, `-joined one;
 * - `dataFooBar` becomes `data-foo-bar`, `ariaDescribedBy` `aria-describedby`; every other property
 *   of the schema already has its React name (`htmlFor`, `colSpan`, `srcSet`, `allowFullScreen`);
 * - `align` on a table cell becomes `style={{textAlign}}` (React has no `align` for cells);
 * - whitespace-only text between table rows and cells is dropped (React rejects it there);
 * - children get keys from their tag name and position (`li-0`, `li-1`), so a re-rendered body keeps
 *   its components' state.
 *
 * `render-hast.test.tsx` checks each of these against `hast-util-to-jsx-runtime` on real posts.
 *
 * A property a sanitized tree cannot hold is dropped, whatever the tree says: React's own
 * (`dangerouslySetInnerHTML`, `ref`, `key`, `children`, `style`, `suppress...`), event handlers (`on...`),
 * and any value that is not text, a number, a boolean or a list of those; so is an element the sanitizer
 * never lets through (`script`, `base`, `form`...). The tree comes as JSON
 * from the page or a data file; should anything but the build ever write it, it still cannot run code.
 */
import { createElement, Fragment, type ComponentType, type JSX, type ReactNode } from 'react'
import type { Element, ElementContent, Properties, Root } from 'hast'

type DataProps = { [name: `data-${string}`]: string | undefined }

/** Which component renders which tag name; a component gets the element's React props. */
export type Components = { [Tag in keyof JSX.IntrinsicElements]?: ComponentType<JSX.IntrinsicElements[Tag] & DataProps> }

type Props = Record<string, unknown>

const TABLE_ROWS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr'])
const TABLE_CELLS = new Set(['td', 'th'])
const COMMA_SEPARATED = new Set(['accept', 'coords'])
const WHITESPACE = /^[ \t\n\f\r]*$/
const REACT_PROPS = new Set(['dangerouslySetInnerHTML', 'ref', 'key', 'children', 'style', 'suppressHydrationWarning', 'suppressContentEditableWarning', 'defaultValue', 'defaultChecked', 'is'])
const HANDLER = /^on[A-Z]/
/** Tags the sanitizer never lets through, and never a custom element or a namespaced name. */
const UNSAFE_TAGS = new Set(['script', 'style', 'base', 'meta', 'link', 'object', 'embed', 'form', 'template', 'noscript', 'frame', 'frameset'])
const SAFE_TAG = /^[a-z][a-z0-9]*$/

export function renderHast(tree: Root, components: Components = {}): ReactNode {
  return createElement(Fragment, null, ...renderChildren(tree.children, '', components))
}

function renderChildren(nodes: Array<ElementContent | Root['children'][number]>, parent: string, components: Components): ReactNode[] {
  const children: ReactNode[] = []
  const counts = new Map<string, number>()
  for (const node of nodes) {
    if (node.type === 'text') {
      if (!(TABLE_ROWS.has(parent) && WHITESPACE.test(node.value))) children.push(node.value)
    } else if (node.type === 'element' && SAFE_TAG.test(node.tagName) && !UNSAFE_TAGS.has(node.tagName)) {
      const count = counts.get(node.tagName) ?? 0
      counts.set(node.tagName, count + 1)
      children.push(renderElement(node, `${node.tagName}-${count}`, components))
    }
    // Comments and doctypes cannot pass the sanitizer; nothing else renders.
  }
  return children
}

function renderElement(node: Element, key: string, components: Components): ReactNode {
  const props = toProps(node.tagName, node.properties)
  props.key = key
  const type = (components as Record<string, ComponentType<Props> | undefined>)[node.tagName] ?? node.tagName
  return createElement(type, props, ...renderChildren(node.children, node.tagName, components))
}

/** hast properties -> React props, as `hast-util-to-jsx-runtime` makes them for HTML. */
export function toProps(tagName: string, properties: Properties): Props {
  const props: Props = {}
  let textAlign = ''
  for (const [name, raw] of Object.entries(properties)) {
    if (raw === null || raw === undefined || Number.isNaN(raw) || REACT_PROPS.has(name) || HANDLER.test(name) || !isPlainValue(raw)) continue
    const value = Array.isArray(raw) ? raw.join(COMMA_SEPARATED.has(name) ? ', ' : ' ').trim() : raw
    if (name === 'align' && TABLE_CELLS.has(tagName) && typeof value === 'string') {
      textAlign = value
      continue
    }
    props[propName(name)] = value
  }
  if (textAlign) props.style = { textAlign }
  return props
}

function isPlainValue(value: unknown): boolean {
  const primitive = (item: unknown) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean'
  return primitive(value) || (Array.isArray(value) && value.every(primitive))
}

function propName(name: string): string {
  if (/^data[A-Z]/.test(name)) return `data${name.slice(4).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`
  if (/^aria[A-Z]/.test(name)) return `aria-${name.slice(4).toLowerCase()}`
  return name
}
