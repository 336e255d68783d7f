/**
 * Which component renders which element of a post body. Theme elements that need behaviour arrive as
 * `<div data-element="...">` (written by the theme's includes, src/content/liquid/theme/elements/) and
 * are dispatched here.
 */
import { Children, isValidElement, lazy, Suspense, type ComponentProps, type ReactNode } from 'react'
import { Link } from 'react-router'
import { basePath } from '../shared/base-path.ts'
import { Highlight } from './highlight.tsx'
import { Quote } from './quote.tsx'
import { Figure } from './figure.tsx'
import { CodeBlock } from './code-block.tsx'
import { Image } from './image.tsx'
import { Button } from './button.tsx'
import { Heading2, Heading3, Heading4 } from './heading.tsx'
import type { Components } from './render-hast.ts'
import { MathMarkup } from './math.tsx'

// Only posts with a carousel download it.
const Carousel = lazy(() => import('./carousel.tsx').then((module) => ({ default: module.Carousel })))
// Only posts with a video download its player.
const Video = lazy(() => import('./video.tsx').then((module) => ({ default: module.Video })))
// Only posts with a diagram download its frame (and, once it is scrolled near, Mermaid itself).
const MermaidDiagram = lazy(() => import('./mermaid-diagram.tsx').then((module) => ({ default: module.MermaidDiagram })))

type DataProps = Record<`data-${string}`, string | undefined>

function Div(props: ComponentProps<'div'> & DataProps) {
  const element = props['data-element']
  if (element === 'math') return <MathMarkup display className={props.className} html={props['data-math-html'] ?? ''} />
  if (element === 'video') {
    const video = { 'data-element': 'video', 'data-video-id': props['data-video-id'], 'data-video-list': props['data-video-list'] }
    // Until its code arrives, the link to the video (the include's own fallback) in the same frame.
    return (
      <Suspense fallback={<div className="video" {...video}><p className="video-link" data-ui-wrap="">{props.children}</p></div>}>
        <Video videoId={props['data-video-id'] ?? ''} listId={props['data-video-list']}>{props.children}</Video>
      </Suspense>
    )
  }
  if (element === 'carousel') {
    return (
      <Suspense fallback={<div className="carousel" data-element="carousel">{props.children}</div>}>
        <Carousel>{props.children}</Carousel>
      </Suspense>
    )
  }
  return <div {...props} />
}

function Span(props: ComponentProps<'span'> & DataProps) {
  if (props['data-element'] === 'math') return <MathMarkup display={false} className={props.className} html={props['data-math-html'] ?? ''} />
  return <span {...props} />
}

/** A ```` ```mermaid ```` block is drawn as a diagram (its code stays, for readers without JavaScript). */
function Pre(props: ComponentProps<'pre'>) {
  const code = Children.toArray(props.children).find(isValidElement) as { props: { className?: string; children?: ReactNode } } | undefined
  if (code && /\blanguage-mermaid\b/.test(code.props.className ?? '')) {
    return (
      <Suspense
        fallback={
          <figure className="mermaid-diagram" data-ui-wrap="" data-state="code">
            <pre {...props} />
          </figure>
        }
      >
        <MermaidDiagram source={textOf(code.props.children)}>
          <pre {...props} />
        </MermaidDiagram>
      </Suspense>
    )
  }
  return <CodeBlock {...props} />
}

function textOf(children: ReactNode): string {
  return Children.toArray(children)
    .map((child) => (typeof child === 'string' || typeof child === 'number' ? String(child) : isValidElement<{ children?: ReactNode }>(child) ? textOf(child.props.children) : ''))
    .join('')
}

/** Links to other pages of this blog navigate inside the app (no page load); others are plain links. */
function Anchor(props: ComponentProps<'a'> & DataProps) {
  if (props['data-element'] === 'button') return <Button {...props} />
  const { href, ...rest } = props
  const base = basePath.replace(/\/$/, '')
  if (href && href.startsWith(`${base}/`) && !rest.target && !/\.(xml|json|png|jpe?g|gif|svg|webp|pdf|zip)$/i.test(href)) {
    return <Link {...rest} to={href.slice(base.length)} />
  }
  return <a {...props} />
}

export const markdownComponents: Components = {
  mark: Highlight,
  blockquote: Quote,
  figure: Figure,
  img: Image,
  div: Div,
  span: Span,
  pre: Pre,
  a: Anchor,
  h2: Heading2,
  h3: Heading3,
  h4: Heading4,
}
