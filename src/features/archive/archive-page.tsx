/**
 * `/blog/archive/`: every year with posts, newest first, each with its months and their counts; and
 * `/blog/archive/<year>/`: that year's posts by month. Both are prerendered and read without JavaScript.
 */
import { useSuspenseQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { archiveIndexQuery, archiveYearQuery } from '../../shared/api/archive-queries.ts'
import type { ArchiveYear } from '../../shared/archive-data.ts'
import { paths } from '../../shared/paths.ts'
import { formatDate } from '../../shared/format.ts'
import { PageHeading } from '../../shared/ui/page-heading.tsx'
import { PageMeta } from '../../shared/ui/page-meta.tsx'
import { NotFoundPage } from '../../shared/ui/not-found-page.tsx'
import { monthName, monthOfYear, postCount } from './month-name.ts'
import { count, fill, t } from '../../shared/i18n/i18n.ts'
import archiveCss from './archive.css?inline'
import { withNodes } from '../../shared/i18n/with-nodes.tsx'
import archiveText from 'virtual:site-locale/archive'

function ArchiveStyle() {
  return (
    <style href="archive" precedence="default">
      {archiveCss}
    </style>
  )
}

export function ArchivePage() {
  const { data: archive } = useSuspenseQuery(archiveIndexQuery())
  const total = archive.years.reduce((sum, year) => sum + year.count, 0)
  const summary = fill(archiveText.summary, { posts: postCount(total), years: count(t.counts.years, archive.years.length) })
  return (
    <section className="archive-page">
      <ArchiveStyle />
      <PageMeta title={archiveText.title} description={fill(archiveText.description, { summary })} />
      <PageHeading>{archiveText.title}</PageHeading>
      <p className="archive-summary">{archive.years.length === 0 ? archiveText.noDatedPosts : summary}</p>
      {archive.years.map((year) => (
        <section key={year.year} className="archive-year" aria-labelledby={`year-${year.year}`}>
          <h2 id={`year-${year.year}`}>
            <Link to={paths.archiveYear.href(year.year)}>{year.year}</Link> <span className="archive-count">{postCount(year.count)}</span>
          </h2>
          <ul className="archive-months">
            {year.months.map(({ month, count }) => (
              <li key={month}>
                <Link to={`${paths.archiveYear.href(year.year)}#${year.year}-${month}`}>{monthName(month)}</Link>{' '}
                <span className="archive-count">{count}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {archive.undated > 0 && (
        <p className="archive-undated">
          {withNodes(count(archiveText.undated, archive.undated), { list: <Link to={paths.home.href()}>{archiveText.listOfPosts}</Link> })}
        </p>
      )}
    </section>
  )
}

export function ArchiveYearPage() {
  const { year = '' } = useParams()
  const { data: archiveYear } = useSuspenseQuery(archiveYearQuery(year))
  if (!archiveYear) return <NotFoundPage what="year" />
  return <YearPosts year={archiveYear} />
}

function YearPosts({ year }: { year: ArchiveYear }) {
  const total = year.months.reduce((sum, month) => sum + month.posts.length, 0)
  return (
    <section className="archive-page">
      <ArchiveStyle />
      <PageMeta title={fill(archiveText.postsOfYear, { year: year.year })} description={fill(archiveText.yearDescription, { posts: postCount(total), year: year.year })} />
      <p className="archive-back">
        <Link to={paths.archive.href()}>{archiveText.allYears}</Link>
      </p>
      <PageHeading>{year.year}</PageHeading>
      <p className="archive-summary">{postCount(total)}</p>
      {year.months.map(({ month, posts }) => (
        <section key={month} className="archive-month" aria-labelledby={`${year.year}-${month}`}>
          <h2 id={`${year.year}-${month}`}>
            {monthOfYear(year.year, month)} <span className="archive-count">{postCount(posts.length)}</span>
          </h2>
          <ul className="archive-posts">
            {posts.map((post) => (
              <li key={post.slug}>
                {post.date && <time dateTime={post.date}>{formatDate(post.date)}</time>}
                <Link to={paths.post.href(post)}>{post.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  )
}
