/**
 * The search index, made at build time so the browser only loads it (on first search), never builds it.
 * Titles, descriptions, tags and the plain text of every body.
 */
import MiniSearch from 'minisearch'
import type { Collection } from './collection.ts'
import { searchIndexOptions, type SearchDocument } from '../shared/search-options.ts'

export function buildSearchIndex(collection: Collection): string {
  const search = new MiniSearch<SearchDocument>(searchIndexOptions)
  search.addAll(
    collection.index.posts.map((summary) => ({
      id: summary.slug,
      title: summary.title,
      description: summary.excerpt,
      tags: summary.tags.map((tag) => tag.name).join(' '),
      body: collection.posts.get(summary.slug)!.post.text,
    })),
  )
  return JSON.stringify(search)
}
