/**
 * On a post that is part of a series: "Part 2 of 3 in Measuring delivery", with every part in order
 * (this one marked, the others linked) and a link to the series' own page.
 */
import { Link } from 'react-router'
import type { SeriesNav as SeriesNavData } from '../../shared/archive-data.ts'
import { paths } from '../../shared/paths.ts'
import seriesCss from './series-nav.css?inline'
import { fill } from '../../shared/i18n/i18n.ts'
import { withNodes } from '../../shared/i18n/with-nodes.tsx'
import postText from 'virtual:site-locale/post'

/** `lang`, `dir`: the site's, inside a post in another language. */
export function SeriesNav({ series, lang, dir }: { series: SeriesNavData; lang?: string; dir?: 'ltr' | 'rtl' }) {
  const headingId = `series-${series.key}`
  return (
    <nav className="series-nav" aria-labelledby={headingId} lang={lang} dir={dir}>
      <style href="series-nav" precedence="default">
        {seriesCss}
      </style>
      <p className="series-nav-heading" id={headingId}>
        {withNodes(fill(postText.seriesPart, { part: series.position + 1, total: series.parts.length }), {
          series: <Link to={paths.series.href(series.key)}>{series.name}</Link>,
        })}
      </p>
      <ol className="series-nav-parts">
        {series.parts.map((part, index) => (
          <li key={part.slug}>
            {index === series.position ? (
              <span aria-current="page">{part.title}</span>
            ) : (
              <Link to={paths.post.href(part)}>{part.title}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
