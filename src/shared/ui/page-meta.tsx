/** The document title and meta description of a page. React hoists both into `<head>`. */
import { siteConfig } from '../../site-config.ts'

export function PageMeta({ title, description }: { title?: string; description?: string }) {
  const fullTitle = title ? `${title} · ${siteConfig.title}` : siteConfig.title
  return (
    <>
      <title>{fullTitle}</title>
      <meta name="description" content={description || siteConfig.description} />
    </>
  )
}
