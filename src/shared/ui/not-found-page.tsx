import { Link } from 'react-router'
import { PageHeading } from './page-heading.tsx'
import { PageMeta } from './page-meta.tsx'
import { paths } from '../paths.ts'
import { t } from '../i18n/i18n.ts'

/** What an unknown URL shows; `what` names the kind of thing that was not found. */
export function NotFoundPage({ what = 'page' }: { what?: keyof typeof t.errors.notFound }) {
  return (
    <section className="not-found">
      <PageMeta title={t.errors.notFound[what]} description={t.errors.notFoundDescription} status={404} />
      <PageHeading>{t.errors.notFound[what]}</PageHeading>
      <p>{t.errors.notFoundHelp}</p>
      <p>
        <Link to={paths.home.href()}>{t.errors.goToAllPosts}</Link>
      </p>
    </section>
  )
}
