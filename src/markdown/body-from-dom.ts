/**
 * A post body's hast tree, read back from the HTML the renderer made of it (`PostBody`): the prerendered
 * page carries the body once, as HTML, and the app takes the tree from there (on hydration from the
 * document, on moving to a post from its fetched page) instead of from a second copy in the page's JSON.
 *
 * The renderer's components add markup a tree never holds; they mark it, so it is left out here:
 * - `data-ui`: a control or label a component adds (a heading's anchor, a code block's bar, a passage's
 *   link and the word joiner before a highlight's one, a carousel's buttons, a video's play button);
 * - `data-ui-wrap`: a frame around the element the tree holds (a code block's box, a diagram's figure, a
 *   video's link line): its children take its place;
 * - `data-element="math"`: KaTeX's markup, which the tree carries as `data-math-html`;
 * - `data-element="carousel"`: the slides' strip, which the tree holds as a plain `<ul>` of `<li>`.
 * Rendering the tree read back gives the same markup (`body-from-dom.test.ts`), so hydration matches.
 *
 * Nothing read here reaches the page unchecked: `render-hast.ts` renders the tree as it renders any,
 * dropping handlers, unsafe tags and non-text values. What is read is the build's sanitized output: the
 * article of this document, or of a page of the same origin (see src/shared/api/post-page-data.ts).
 */
import type { Element, ElementContent, Properties, Root } from 'hast'

/** The DOM this reads: a browser's, or a test's (linkedom). */
interface DomNode {
  nodeType: number
  nodeValue: string | null
  childNodes: ArrayLike<DomNode>
}
interface DomElement extends DomNode {
  localName: string
  innerHTML: string
  attributes: ArrayLike<{ name: string; value: string }>
  getAttribute(name: string): string | null
  hasAttribute(name: string): boolean
}

/**
 * What KaTeX never writes, and what makes HTML parse differently once serialized and parsed again (the
 * ingredients of mutation XSS): math whose markup holds any of these is left empty, not put in the page.
 */
const REPARSE_HAZARD = /<(?:style|script|noscript|iframe|template|textarea|xmp|title|noembed|noframes|plaintext|mglyph|malignmark)\b|<!--|<!\[CDATA\[/i

const ELEMENT_NODE = 1
const TEXT_NODE = 3
const WORD_JOINER = '\u2060'

/**
 * HTML attribute names whose React (and hast) property name is not the attribute itself: the ones the
 * sanitize schema lets through. Written here rather than property-information's `find`, whose schemas
 * would add ~6 KB gzip (measured: esbuild, minified) to the post page's first load (budget 110 KB, now 108).
 */
const PROPERTY_NAMES: Record<string, string> = {
  class: 'className', for: 'htmlFor', tabindex: 'tabIndex', colspan: 'colSpan', rowspan: 'rowSpan',
  srcset: 'srcSet', allowfullscreen: 'allowFullScreen', referrerpolicy: 'referrerPolicy', playsinline: 'playsInline',
  srclang: 'srcLang', datetime: 'dateTime', hreflang: 'hrefLang', accesskey: 'accessKey', maxlength: 'maxLength',
  readonly: 'readOnly', usemap: 'useMap', ismap: 'isMap', longdesc: 'longDesc', cellpadding: 'cellPadding',
  cellspacing: 'cellSpacing', valign: 'vAlign', charset: 'charSet', enctype: 'encType', 'accept-charset': 'acceptCharset',
  nowrap: 'noWrap', noshade: 'noShade', hspace: 'hSpace', itemprop: 'itemProp', nohref: 'noHref',
}
/** Attributes whose presence is the value: `checked=""` is `checked: true`. */
const BOOLEANS = new Set([
  'checked', 'disabled', 'open', 'reversed', 'hidden', 'controls', 'loop', 'muted', 'playsinline',
  'allowfullscreen', 'default', 'multiple', 'selected', 'readonly', 'ismap', 'noshade', 'nowrap', 'compact', 'nohref',
])

/** The tree of the body rendered inside `container` (the post's `.post-body`). */
export function bodyFromDom(container: DomNode): Root {
  return { type: 'root', children: childrenOf(container) }
}

function childrenOf(parent: DomNode): ElementContent[] {
  const nodes = Array.from(parent.childNodes)
  const children: ElementContent[] = []
  nodes.forEach((node, index) => {
    if (node.nodeType === TEXT_NODE) {
      // The word joiner that keeps a highlight's link on its line is the link's, not the author's.
      const next = nodes[index + 1]
      if (node.nodeValue === WORD_JOINER && next && isElement(next) && next.hasAttribute('data-ui')) return
      children.push({ type: 'text', value: node.nodeValue ?? '' })
    } else if (isElement(node)) {
      if (node.hasAttribute('data-ui')) return
      if (node.hasAttribute('data-ui-wrap')) children.push(...childrenOf(node))
      else children.push(elementOf(node))
    }
    // Comments (React's text separators, Suspense markers) are no part of the body.
  })
  return children
}

function elementOf(node: DomElement): Element {
  const kind = node.getAttribute('data-element')
  if (kind === 'math') {
    const { className, dataElement } = propertiesOf(node)
    // KaTeX's markup is put back as HTML (MathMarkup), so it is parsed a second time: only as KaTeX writes it.
    const html = node.innerHTML
    return { type: 'element', tagName: node.localName, properties: { className, dataElement, dataMathHtml: REPARSE_HAZARD.test(html) ? '' : html }, children: [] }
  }
  if (kind === 'carousel') {
    const strip = Array.from(node.childNodes).find((child): child is DomElement => isElement(child) && child.localName === 'ul')
    const slides = strip ? Array.from(strip.childNodes).filter((child): child is DomElement => isElement(child) && child.localName === 'li') : []
    const list: Element = { type: 'element', tagName: 'ul', properties: {}, children: slides.map((slide) => ({ type: 'element', tagName: 'li', properties: {}, children: childrenOf(slide) })) }
    return { type: 'element', tagName: 'div', properties: { dataElement: 'carousel' }, children: [list] }
  }
  return { type: 'element', tagName: node.localName, properties: propertiesOf(node), children: childrenOf(node) }
}

function propertiesOf(node: DomElement): Properties {
  const properties: Properties = {}
  for (const { name, value } of Array.from(node.attributes)) {
    // React Router's own mark of a `<Link>`, which renders it again.
    if (name === 'data-discover') continue
    if (name === 'style') {
      // A table cell's alignment: the renderer writes hast's `align` as `text-align`.
      const align = /(?:^|;)\s*text-align:\s*(left|right|center|justify)/.exec(value)?.[1]
      if (align) properties.align = align
    } else if (name === 'class') {
      properties.className = value.split(/\s+/).filter(Boolean)
    } else if (/^(data|aria)-/.test(name)) {
      properties[name.replace(/-([a-z])/g, (_dash, letter: string) => letter.toUpperCase())] = value
    } else {
      properties[PROPERTY_NAMES[name] ?? name] = BOOLEANS.has(name) ? true : value
    }
  }
  return properties
}

function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE
}
