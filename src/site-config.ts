/**
 * Site settings, read by the app and the build. One typed place to change the blog's name and
 * description; environment variables override what a deployment needs to differ (`SITE_URL`).
 */
export interface SiteConfig {
  /** Shown in the header and after every page title. */
  title: string
  /** The list page's meta description. */
  description: string
  author: string
}

export const siteConfig: SiteConfig = {
  title: 'Peer Notes',
  description: 'Short essays on leadership, growth and influence for engineering managers.',
  author: 'Peer Notes authors',
}
