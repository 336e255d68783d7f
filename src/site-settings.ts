/**
 * The blog's settings, in one typed place. Every field may be left unset: it then comes from a Jekyll
 * `_config.yml` beside the posts folder (`title`, `description`, `author`, `url`, `baseurl`, `lang`), and
 * failing that from `defaultSiteSettings`. The environment variables `SITE_URL` and `BASE_PATH`
 * override both, for deployments that differ.
 */
export interface SiteSettings {
  /** Shown in the header, after every page title and as `og:site_name`. */
  title: string
  /** The list page's description and the feeds' subtitle. */
  description: string
  /** The feeds' and JSON-LD's author. */
  author: string
  /** Where the site is served from, without the base path: `https://blog.example.com`. */
  siteUrl: string
  /** The path the site lives under: `/` or `/my-blog/`. */
  basePath: string
  /** The link-preview image of pages without one of their own: a path under `public/` or a URL. */
  defaultImage: string | null
  /** Comments for posts with `comments: true`; null loads nothing. */
  comments: { provider: 'giscus'; repo: string; repoId: string; category: string; categoryId: string } | null
  /**
   * Whether every highlight gets a page of its own (`/blog/<slug>/quote/<id>/`, which unfurls as that
   * sentence). Block quotes always do. `false` (or `HIGHLIGHT_PAGES=false`) leaves these pages out, for
   * hosts that take fewer files: a highlight's link then points into its post (`/blog/<slug>/#<id>`).
   * `'auto'` (the default) keeps them while the whole site stays within 20,000 files (Cloudflare Pages'
   * free plan) and leaves them out, saying so, past that (see src/content/prerender/highlight-pages.ts).
   */
  highlightPages: boolean | 'auto'
  /**
   * The interface's language, a BCP 47 tag (`de`, `pt-BR`, `ar`): every button, heading, count and date,
   * and the pages' `<html lang dir>` (`ar`, `he`, `fa`, `ur` lay out right to left). Unset: `_config.yml`'s
   * `lang`, else English. Shipped: src/shared/i18n/languages.ts.
   */
  lang: string
}

export const siteSettings: Partial<SiteSettings> = {
  // title: 'My blog',
  // siteUrl: 'https://blog.example.com',
}

export const defaultSiteSettings: SiteSettings = {
  title: 'Peer Notes',
  description: 'Short essays on leadership, growth and influence for engineering managers.',
  author: 'Peer Notes authors',
  siteUrl: 'http://localhost:4173',
  basePath: '/',
  defaultImage: '/assets/images/peer-focus.png',
  comments: null,
  highlightPages: 'auto',
  lang: 'en',
}
