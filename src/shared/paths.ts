/** Every route path and its link builder, in one place. Paths are relative to the router's basename. */
import { serializeListFilter, type ListFilter } from './list-filter.ts'

export const paths = {
  home: {
    path: '/',
    href: (filter?: Partial<ListFilter>) => {
      const search = filter ? serializeListFilter(filter) : ''
      return search ? `/?${search}` : '/'
    },
  },
  tags: { path: '/blog/tags', href: () => '/blog/tags' },
  post: { path: '/blog/:slug', href: (slug: string) => `/blog/${encodeURIComponent(slug)}` },
} as const
