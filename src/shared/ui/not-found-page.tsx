import { Link } from 'react-router'
import { PageHeading } from './page-heading.tsx'
import { PageMeta } from './page-meta.tsx'
import { paths } from '../paths.ts'

/** What an unknown URL shows; `what` names the kind of thing that was not found. */
export function NotFoundPage({ what = 'Page' }: { what?: string }) {
  return (
    <section className="not-found">
      <PageMeta title={`${what} not found`} description={`This ${what.toLowerCase()} does not exist.`} status={404} />
      <PageHeading>{what} not found</PageHeading>
      <p>The address may be mistyped, or the {what.toLowerCase()} may have moved.</p>
      <p>
        <Link to={paths.home.href()}>Go to all posts</Link>
      </p>
    </section>
  )
}
