/** Which component renders which element of a post body. */
import type { Components } from 'hast-util-to-jsx-runtime'
import { Highlight } from './highlight.tsx'
import { Quote } from './quote.tsx'
import { Figure } from './figure.tsx'
import { Image } from './image.tsx'

export const markdownComponents: Partial<Components> = {
  mark: Highlight,
  blockquote: Quote,
  figure: Figure,
  img: Image,
}
