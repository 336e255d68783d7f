/**
 * The portfolYOU theme's includes (`_includes/elements/*.html`), each as the element the app renders
 * with a component. What the theme's HTML means is kept: a highlight is a `<mark>`, a figure a
 * `<figure>`, a button a link; elements that need behaviour (video, carousel) carry `data-element`.
 *
 * Sites changed these includes over the years, so parameters have aliases (`video_ids=` for `id=`).
 */
import type { LiquidValue } from './liquid-markup.ts'
import { elementNode, type ElementNode } from './element-node.ts'
import type { IncludeContext, IncludeHandler } from './remark-liquid.ts'

const BUTTON_STYLES = /^(outline-)?(primary|secondary|success|danger|warning|info|light|dark|link)$/
const BUTTON_SIZES = new Set(['sm', 'md', 'lg'])
const YOUTUBE_ID = /^[\w-]{6,20}$/

function text(params: Record<string, LiquidValue>, ...keys: string[]): string {
  for (const key of keys) {
    const value = params[key]
    if (value?.kind === 'string' && value.value.trim() !== '') return value.value.trim()
  }
  return ''
}

/** Non-empty lines of a `{% capture %}`, as the theme's `strip | split: newline` reads them. */
function captureLines(include: IncludeContext, name: string): string[] {
  return (include.takeCapture(name) ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
}

/** `{% include elements/highlight.html text="..." %}` -> `<mark>`, markdown and HTML inside kept. */
const highlight: IncludeHandler = ({ params, phrasing }) => ({
  node: elementNode('mark', {}, phrasing(text(params, 'text'))),
  block: false,
})

/** `{% include elements/figure.html image caption alt %}` -> `<figure>` with an optional caption. */
const figure: IncludeHandler = ({ params, phrasing, warn }) => {
  const image = text(params, 'image', 'src', 'url')
  if (!image) {
    warn('`elements/figure.html` needs `image="..."`; the figure was left out')
    return null
  }
  const caption = text(params, 'caption')
  const children: ElementNode['children'] = [elementNode('img', { src: image, alt: text(params, 'alt') || caption }, [])]
  if (caption) children.push(elementNode('figcaption', {}, phrasing(caption)))
  return { node: elementNode('figure', {}, children), block: true }
}

/** `{% include elements/button.html link text style size block %}` -> a link styled as a button. */
const button: IncludeHandler = ({ params, phrasing }) => {
  const style = text(params, 'style')
  const size = text(params, 'size')
  const block = params.block !== undefined && !(params.block.kind === 'variable' && params.block.value === 'false')
  const label = phrasing(text(params, 'text') || 'Button')
  return {
    node: elementNode(
      'a',
      {
        href: text(params, 'link', 'url', 'href') || '#',
        className: ['button'],
        dataElement: 'button',
        dataButtonStyle: BUTTON_STYLES.test(style) ? style : 'outline-primary',
        dataButtonSize: BUTTON_SIZES.has(size) ? size : 'md',
        ...(block ? { dataButtonBlock: 'true' } : {}),
      },
      label,
    ),
    block: false,
  }
}

/**
 * `{% include elements/video.html id="..." %}` -> a YouTube video that loads nothing from YouTube
 * until the reader asks: a link to the video that the app turns into a play control.
 */
const video: IncludeHandler = ({ params, warn }) => {
  const raw = text(params, 'id', 'video_id', 'video_ids', 'youtube_id', 'youtube')
  const id = raw.split(/[\s,]+/)[0] ?? ''
  const fromUrl = /(?:v=|youtu\.be\/|embed\/)([\w-]{6,20})/.exec(id)?.[1]
  const videoId = fromUrl ?? id
  if (!YOUTUBE_ID.test(videoId)) {
    warn(`\`elements/video.html\` needs a YouTube id (\`id="dQw4w9WgXcQ"\`), found ${JSON.stringify(raw)}; the video was left out`)
    return null
  }
  const title = text(params, 'title', 'caption') || 'Video on YouTube'
  return {
    node: elementNode('div', { dataElement: 'video', dataVideoId: videoId, className: ['video'] }, [
      elementNode('a', { href: `https://www.youtube.com/watch?v=${videoId}` }, [{ type: 'text', value: title }]),
    ]),
    block: true,
  }
}

/**
 * `{% include elements/list.html title type %}` fed by `{% capture list_items %}`: a list group of
 * `Name,URL` links, or with `type="toc"` links to the post's headings (resolved by `rehype-toc`).
 */
const list: IncludeHandler = (include) => {
  const { params, phrasing, warn } = include
  const isToc = text(params, 'type') === 'toc'
  const lines = captureLines(include, 'list_items')
  if (lines.length === 0) {
    warn('`elements/list.html` found no `{% capture list_items %}` before it; the list was left out')
    return null
  }
  const items = lines.map((line) => {
    if (isToc) {
      return elementNode('li', {}, [elementNode('a', { href: `#${jekyllSlugify(line)}`, dataTocItem: line }, phrasing(line))])
    }
    const comma = line.lastIndexOf(',')
    const [name, url] = comma === -1 ? [line, ''] : [line.slice(0, comma).trim(), line.slice(comma + 1).trim()]
    return elementNode('li', {}, url ? [elementNode('a', { href: url }, phrasing(name))] : phrasing(name))
  })
  const title = text(params, 'title')
  const children: ElementNode['children'] = []
  if (title) children.push(elementNode('p', { className: ['list-group-title'] }, phrasing(title)))
  children.push(elementNode('ul', {}, items))
  return {
    node: elementNode(isToc ? 'nav' : 'div', { className: ['list-group'], ...(isToc ? { ariaLabel: title || 'Contents' } : {}) }, children),
    block: true,
  }
}

/** `{% include elements/carousel.html %}` fed by `{% capture carousel_images %}`: one slide per line. */
const carousel: IncludeHandler = (include) => {
  const lines = captureLines(include, 'carousel_images')
  if (lines.length === 0) {
    include.warn('`elements/carousel.html` found no `{% capture carousel_images %}` before it; the carousel was left out')
    return null
  }
  const slides = lines.map((src, index) =>
    elementNode('li', {}, [elementNode('img', { src, alt: `Image ${index + 1} of ${lines.length}` }, [])]),
  )
  return {
    node: elementNode('div', { dataElement: 'carousel', className: ['carousel'] }, [elementNode('ul', {}, slides)]),
    block: true,
  }
}

/** Jekyll's default `slugify`: lowercase, every run of non-alphanumerics one hyphen. */
export function jekyllSlugify(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')
}

export const themeElements: Record<string, IncludeHandler> = {
  'elements/highlight.html': highlight,
  'elements/figure.html': figure,
  'elements/button.html': button,
  'elements/video.html': video,
  'elements/list.html': list,
  'elements/carousel.html': carousel,
}
