/**
 * Page links under the list: Previous, the first and last pages, a few around the current one, Next.
 * They are real links (`/page/2/`, `/blog/tags/growth/page/2/`, `/?tags=a,b&page=2`), so they work
 * with JavaScript off on prerendered pages, open in a new tab, and keep Back and reload meaningful.
 */
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { fill, number } from '../../shared/i18n/i18n.ts'
import listText from 'virtual:site-locale/list'

export type PagerItem = number | 'gap'

/**
 * The page numbers to show: always the first and last, the current one with one each side, and a gap
 * for each run of hidden pages; near an end, five in a row, so the row keeps its length while paging.
 */
export function pageWindow(page: number, pages: number): PagerItem[] {
  if (pages <= 7) return Array.from({ length: pages }, (_, index) => index + 1)
  const from = Math.max(2, Math.min(page - 1, pages - 4))
  const to = Math.min(pages - 1, Math.max(page + 1, 5))
  const items: PagerItem[] = [1]
  if (from > 2) items.push(from === 3 ? 2 : 'gap')
  for (let number = from; number <= to; number += 1) items.push(number)
  if (to < pages - 1) items.push(to === pages - 2 ? pages - 1 : 'gap')
  items.push(pages)
  return items
}

interface PagerProps {
  page: number
  pages: number
  href: (page: number) => string
  /** The reader is about to open a page (hover, focus): load it now. */
  onIntent?: (page: number) => void
}

export function Pager({ page, pages, href, onIntent }: PagerProps) {
  const link = (number: number, children: ReactNode, extra: { rel?: string; className?: string; 'aria-label'?: string } = {}) => (
    <Link
      to={href(number)}
      className={['pager-link', extra.className].filter(Boolean).join(' ')}
      {...(extra.rel ? { rel: extra.rel } : {})}
      {...(extra['aria-label'] ? { 'aria-label': extra['aria-label'] } : {})}
      aria-current={number === page ? 'page' : undefined}
      onMouseEnter={() => onIntent?.(number)}
      onFocus={() => onIntent?.(number)}
    >
      {children}
    </Link>
  )
  return (
    <nav className="pager" aria-label={listText.pages}>
      <ul>
        {page > 1 && page <= pages && <li>{link(page - 1, <><span className="flip-in-rtl" aria-hidden="true">←</span> {listText.previous}</>, { rel: 'prev', className: 'pager-step', 'aria-label': listText.previousPage })}</li>}
        {pageWindow(Math.min(Math.max(page, 1), pages), pages).map((item, index) =>
          item === 'gap' ? (
            <li key={`gap-${index}`} className="pager-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>{link(item, number(item), { 'aria-label': fill(listText.pageNumber, { page: item }) })}</li>
          ),
        )}
        {page < pages && page >= 1 && <li>{link(page + 1, <>{listText.next} <span className="flip-in-rtl" aria-hidden="true">→</span></>, { rel: 'next', className: 'pager-step', 'aria-label': listText.nextPage })}</li>}
      </ul>
    </nav>
  )
}
