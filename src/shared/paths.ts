/**
 * Every route path and its link builder, in one place. Paths are relative to the router's basename.
 * Links end in a slash: each page is a prerendered `folder/index.html` that any static host serves there.
 */
import { serializeListFilter, type ListFilter } from './list-filter.ts'
import type { PostSummary } from './post-data.ts'

export const paths = {
  home: {
    path: '/',
    href: (filter?: Partial<ListFilter>) => {
      const search = filter ? serializeListFilter(filter) : ''
      return search ? `/?${search}` : '/'
    },
  },
  tags: { path: '/blog/tags', href: () => '/blog/tags/' },
  /** One tag's posts: a real path, so it can be prerendered and shared. */
  tag: { path: '/blog/tags/:tag', href: (key: string) => `/blog/tags/${encodeURIComponent(key)}/` },
  /** Every dated post by year and month, with counts; each year has a page of its own. */
  archive: { path: '/blog/archive', href: () => '/blog/archive/' },
  archiveYear: { path: '/blog/archive/:year', href: (year: string) => `/blog/archive/${year}/` },
  /** The posts of one series (`series:` front matter), in reading order. */
  series: { path: '/blog/series/:series', href: (key: string) => `/blog/series/${encodeURIComponent(key)}/` },
  /** A quote or highlight of a post: the post, scrolled to the marked passage; unfurls as the quote. */
  passage: { path: '/blog/:slug/quote/:passage' },
  /** A post lives at its own `permalink` when it has one; `/blog/<slug>` reaches it too. */
  post: {
    path: '/blog/:slug',
    href: (post: Pick<PostSummary, 'slug' | 'permalink'>) => post.permalink ?? `/blog/${encodeURIComponent(post.slug)}/`,
  },
} as const
