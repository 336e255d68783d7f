/**
 * Which component renders which element of a post body. Theme elements that need behaviour arrive as
 * `<div data-element="...">` (written by the theme's includes, src/content/liquid/theme/elements/) and
 * are dispatched here.
 */
import { lazy, Suspense, type ComponentProps } from 'react'
import { Link } from 'react-router'
import { basePath } from '../shared/base-path.ts'
import { Highlight } from './highlight.tsx'
import { Quote } from './quote.tsx'
import { Figure } from './figure.tsx'
import { CodeBlock } from './code-block.tsx'
import { Image } from './image.tsx'
import { Button } from './button.tsx'
import { Video } from './video.tsx'
import { Heading2, Heading3, Heading4 } from './heading.tsx'
import type { Components } from './render-hast.ts'

// Only posts with a carousel download it.
const Carousel = lazy(() => import('./carousel.tsx').then((module) => ({ default: module.Carousel })))

type DataProps = Record<`data-${string}`, string | undefined>

function Div(props: ComponentProps<'div'> & DataProps) {
  const element = props['data-element']
  if (element === 'video') return <Video videoId={props['data-video-id'] ?? ''} listId={props['data-video-list']}>{props.children}</Video>
  if (element === 'carousel') {
    return (
      <Suspense fallback={<div className="carousel">{props.children}</div>}>
        <Carousel>{props.children}</Carousel>
      </Suspense>
    )
  }
  return <div {...props} />
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
  pre: CodeBlock,
  img: Image,
  div: Div,
  a: Anchor,
  h2: Heading2,
  h3: Heading3,
  h4: Heading4,
}
