/** `/blog/:slug`: one post, its header, and its body rendered from the build's tree. */
import { useSuspenseQuery } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { findPost, postIndexQuery, postQuery } from '../../shared/api/post-queries.ts'
import type { PostData, PostSummary } from '../../shared/post-data.ts'
import { NotFoundPage } from '../../shared/ui/not-found-page.tsx'
import { PageHeading } from '../../shared/ui/page-heading.tsx'
import { PageMeta } from '../../shared/ui/page-meta.tsx'
import { PostFacts } from '../../shared/ui/post-facts.tsx'
import { TagList } from '../../shared/ui/tag-chip.tsx'
import { PostBody } from '../../markdown/post-body.tsx'

/** `/blog/:slug`. */
export function PostPage() {
  const { slug = '' } = useParams()
  return <PostView slug={slug} />
}

/**
 * A post by its slug (from `/blog/:slug`, or found by its permalink). Only this post's data is needed;
 * the index is consulted only when the slug is not exact (old links may differ in case).
 */
export function PostView({ slug }: { slug: string }) {
  const { data: post } = useSuspenseQuery(postQuery(slug))
  if (!post) return <PostByLooseSlug slug={slug} />
  if (post.summary.error) return <BrokenPost summary={post.summary} />
  return <PostArticle post={post} />
}

function PostByLooseSlug({ slug }: { slug: string }) {
  const { data: index } = useSuspenseQuery(postIndexQuery())
  const summary = findPost(index, slug)
  return summary && summary.slug !== slug ? <PostView slug={summary.slug} /> : <NotFoundPage what="Post" />
}

function PostArticle({ post }: { post: PostData }) {
  const { summary } = post
  return (
    <article className="post" data-color={summary.color ?? 'default'}>
      <PageMeta title={summary.title} description={summary.excerpt} post={summary} />
      <header className="post-header">
        <PageHeading>{summary.title}</PageHeading>
        <PostFacts post={summary} />
        <TagList tags={summary.tags} />
      </header>
      <div className="post-body">
        <PostBody tree={post.body} />
      </div>
    </article>
  )
}

/** Dev server only: a build refuses such a post, the dev server shows why on its page. */
function BrokenPost({ summary }: { summary: PostSummary }) {
  return (
    <article className="post">
      <PageMeta title={summary.title} />
      <PageHeading>{summary.title}</PageHeading>
      <div className="post-problem" role="alert">
        <p>This post cannot be shown until its file is fixed:</p>
        <pre>{summary.error}</pre>
      </div>
    </article>
  )
}
