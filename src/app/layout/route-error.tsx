/** Shown when a page cannot load its data or code (the server is down, a data file is missing). */
import { Component, type ReactNode } from 'react'
import { Link } from 'react-router'
import { PageHeading } from '../../shared/ui/page-heading.tsx'
import { PageMeta } from '../../shared/ui/page-meta.tsx'
import { fill, t } from '../../shared/i18n/i18n.ts'

export function RouteError({ error }: { error: unknown }) {
  const detail = error instanceof Error ? error.message : t.errors.unknownError
  return (
    <main id="main" className="site-main">
      <PageMeta title={t.errors.somethingWentWrong} />
      <PageHeading>{t.errors.somethingWentWrong}</PageHeading>
      <p role="alert">{fill(t.errors.pageNotLoaded, { detail })}</p>
      <p>
        <a href={typeof window === 'undefined' ? '' : window.location.href}>{t.errors.tryAgain}</a> ·{' '}
        <Link to="/">{t.errors.goToAllPosts}</Link>
      </p>
    </main>
  )
}

interface BoundaryState {
  error: unknown
  hasError: boolean
  resetKey: string
}

/** Replaces the page with `RouteError` when it throws; the next navigation (a new `resetKey`) tries again. */
export class RouteErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null, hasError: false, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error, hasError: true }
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, hasError: false, resetKey: props.resetKey }
  }

  override render() {
    return this.state.hasError ? <RouteError error={this.state.error} /> : this.props.children
  }
}
