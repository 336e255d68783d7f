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
import { monthName, postCount } from './month-name.ts'
import archiveCss from './archive.css?inline'

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
  const summary = `${postCount(total)} in ${archive.years.length} ${archive.years.length === 1 ? 'year' : 'years'}`
  return (
    <section className="archive-page">
      <ArchiveStyle />
      <PageMeta title="Archive" description={`Every post by year and month: ${summary}.`} />
      <PageHeading>Archive</PageHeading>
      <p className="archive-summary">{archive.years.length === 0 ? 'No dated posts yet.' : summary}</p>
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
          {postCount(archive.undated)} without a date {archive.undated === 1 ? 'is' : 'are'} in the <Link to={paths.home.href()}>list of posts</Link> only.
        </p>
      )}
    </section>
  )
}

export function ArchiveYearPage() {
  const { year = '' } = useParams()
  const { data: archiveYear } = useSuspenseQuery(archiveYearQuery(year))
  if (!archiveYear) return <NotFoundPage what="Year" />
  return <YearPosts year={archiveYear} />
}

function YearPosts({ year }: { year: ArchiveYear }) {
  const total = year.months.reduce((sum, month) => sum + month.posts.length, 0)
  return (
    <section className="archive-page">
      <ArchiveStyle />
      <PageMeta title={`Posts of ${year.year}`} description={`${postCount(total)} published in ${year.year}, by month.`} />
      <p className="archive-back">
        <Link to={paths.archive.href()}>All years</Link>
      </p>
      <PageHeading>{year.year}</PageHeading>
      <p className="archive-summary">{postCount(total)}</p>
      {year.months.map(({ month, posts }) => (
        <section key={month} className="archive-month" aria-labelledby={`${year.year}-${month}`}>
          <h2 id={`${year.year}-${month}`}>
            {monthName(month)} {year.year} <span className="archive-count">{postCount(posts.length)}</span>
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
