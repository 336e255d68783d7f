/** Post headings with an anchor link, so a reader can link to a section. */
import type { ComponentProps } from 'react'
import { t } from '../shared/i18n/i18n.ts'

function anchored(Tag: 'h2' | 'h3' | 'h4') {
  return function Heading({ children, ...props }: ComponentProps<typeof Tag>) {
    return (
      <Tag {...props}>
        {children}
        {props.id && <a className="heading-anchor" data-ui="" href={`#${props.id}`} aria-label={t.body.linkToSection} />}
      </Tag>
    )
  }
}

export const Heading2 = anchored('h2')
export const Heading3 = anchored('h3')
export const Heading4 = anchored('h4')
