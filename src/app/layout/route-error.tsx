/** Shown when a page cannot load its data (the server is down, a data file is missing). */
import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { PageHeading } from '../../shared/ui/page-heading.tsx'
import { PageMeta } from '../../shared/ui/page-meta.tsx'

export function RouteError() {
  const error = useRouteError()
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error'
  return (
    <main id="main" className="site-main">
      <PageMeta title="Something went wrong" />
      <PageHeading>Something went wrong</PageHeading>
      <p role="alert">This page could not be loaded: {detail}</p>
      <p>
        <a href={typeof window === 'undefined' ? '' : window.location.href}>Try again</a> or{' '}
        <Link to="/">go to all posts</Link>.
      </p>
    </main>
  )
}
