/** `/blog/series/<key>/`: the posts of one series, in reading order, each with its excerpt. */
import { useSuspenseQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { seriesQuery } from '../../shared/api/archive-queries.ts'
import { paths } from '../../shared/paths.ts'
import { formatDate } from '../../shared/format.ts'
import { PageHeading } from '../../shared/ui/page-heading.tsx'
import { PageMeta } from '../../shared/ui/page-meta.tsx'
import { NotFoundPage } from '../../shared/ui/not-found-page.tsx'
import seriesCss from './series-page.css?inline'
import { count, fill, t } from '../../shared/i18n/i18n.ts'
import seriesText from 'virtual:site-locale/series'

export function SeriesPage() {
  const { series: key = '' } = useParams()
  const { data: series } = useSuspenseQuery(seriesQuery(key))
  if (!series) return <NotFoundPage what="series" />
  const parts = count(t.counts.parts, series.parts.length)
  return (
    <section className="series-page">
      <style href="series-page" precedence="default">
        {seriesCss}
      </style>
      <PageMeta title={series.name} description={fill(seriesText.description, { parts, titles: series.parts.map((part) => part.title).join('; ') })} />
      <p className="series-page-kind">{fill(seriesText.inParts, { parts })}</p>
      <PageHeading>{series.name}</PageHeading>
      <ol className="series-page-parts">
        {series.parts.map((part, index) => (
          <li key={part.slug}>
            <p className="series-page-part">{fill(seriesText.part, { part: index + 1 })}</p>
            <h2>
              <Link to={paths.post.href(part)}>{part.title}</Link>
            </h2>
            {part.date && <time dateTime={part.date}>{formatDate(part.date)}</time>}
            <p>{part.excerpt}</p>
          </li>
        ))}
      </ol>
    </section>
  )
}
