/**
 * What Liquid sees of a Jekyll site besides the post it renders: `site.*`, `site.data`, the site's
 * documents (`site.posts`, `site.pages`, `site.tags`, `{% post_url %}`, `{% link %}`) and where
 * `{% include %}` and `{% include_relative %}` look.
 *
 * Made once per build by reading the site folder (`SITE_DIR`) or a posts folder alone (`POSTS_DIR`), and
 * again by the dev server when `_config.yml`, `_data/`, `_includes/` or a document's front matter changes.
 * It crosses to the build's worker processes, so it holds JSON values only.
 */
export interface JekyllSite {
  /** The site's folder, root of `{% include_relative %}` and of the site's static files; null with `POSTS_DIR` alone. */
  siteDir: string | null
  /** `_config.yml` as YAML reads it, every key kept (Liquid's `site.*`), with `url` and `baseurl` as the app serves them. */
  config: Record<string, unknown>
  /** `_data/` files by name, nested by sub-folder: `site.data.authors`, `site.data.nav.main`. */
  data: Record<string, unknown>
  /**
   * Folders `{% include %}` searches, first match wins: the site's own `_includes/` when it has one.
   * The theme's includes (the app's own, built in) come after every folder listed here.
   */
  includeDirs: string[]
  /**
   * Added by the site reader: the files of the site's `_includes/` an include may read, relative to it.
   * A link in it out of the site folder, broken or looping is not listed (a warning names it).
   */
  includeFiles?: string[]
  /** `/` or `/my-blog/`: what `relative_url` prefixes. */
  basePath: string
  /** The absolute site URL without a trailing slash: what `absolute_url` prefixes. */
  siteUrl: string
  /** Every published post and page, newest post first. */
  documents: SiteDocument[]
  /** Added by the site reader: the site's static files (no front matter, outside `_` folders and `exclude:`), relative to `siteDir`. */
  staticFiles?: string[]
  /** Added by the site reader: the URLs of the site's own feed templates (`/atom.xml`), which get the app's Atom feed. */
  feedUrls?: string[]
  /** Added by the site reader: URLs of site pages the app shows at another path (`/blog/` -> `/`), for redirect pages. */
  appRedirects?: Array<{ from: string; to: string }>
  /** Added by the site reader: what it left out or cannot honour, each naming its file. */
  warnings?: string[]
}

export interface SiteDocument {
  kind: 'post' | 'page'
  /**
   * The path as `{% link %}` names it, with forward slashes: relative to the site folder
   * (`_posts/2019-02-15-learn-react.md`, `about.md`), or with `POSTS_DIR` alone `_posts/<path in the folder>`.
   */
  path: string
  /**
   * Where the app serves it, base path left out: `/blog/learn-react/`, or for a post with a permalink
   * (its own or `_config.yml`'s) the URL it had on the Jekyll site, `/2019/02/15/learn-react.html`;
   * `/blog/<slug>/` then redirects there.
   */
  url: string
  /** The slug the app knows the post by (for posts), the file name's stem for pages. */
  slug: string
  title: string
  /** `YYYY-MM-DD` or null. */
  date: string | null
  /** A post's `page.date` as Jekyll prints it, in the site's time zone: `2016-05-20 15:30:00 -0400`. */
  timestamp?: string
  tags: string[]
  categories: string[]
  /** The front matter as written: `page.*` while the document renders, `post.*` in `site.posts` loops. */
  frontMatter: Record<string, unknown>
  /** Added by the site reader: the file on disk. */
  file?: string
  /** Added by the site reader: old paths (`redirect_from:`) that redirect to `url`. */
  redirectFrom?: string[]
  /** Added by the site reader: `redirect_to:`, the document is only a redirect to this address. */
  redirectTo?: string
  /** Added by the site reader: the collection (`projects`) of a collection's document. */
  collection?: string
}
