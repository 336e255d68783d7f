/** `/blog/:slug`: one post, its header, and its body rendered from the build's tree. */
import { lazy, Suspense, useEffect, useMemo } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useLocation, useParams } from 'react-router'
import { looseSlugQuery, postQuery } from '../../shared/api/post-queries.ts'
import type { PostData, PostSummary } from '../../shared/post-data.ts'
import { NotFoundPage } from '../../shared/ui/not-found-page.tsx'
import { PageHeading } from '../../shared/ui/page-heading.tsx'
import { PageMeta } from '../../shared/ui/page-meta.tsx'
import { PostFacts } from '../../shared/ui/post-facts.tsx'
import { TagList } from '../../shared/ui/tag-chip.tsx'
import { PostBody } from '../../markdown/post-body.tsx'
import { PostContext } from '../../markdown/post-context.ts'
import { findPassageText } from '../../shared/passage-text.ts'
import { paths } from '../../shared/paths.ts'
import { PostToc, TOC_MIN_HEADINGS } from './post-toc.tsx'
import { ReadingProgress } from './reading-progress.tsx'
import { PostNeighbors, RelatedPosts } from './post-links.tsx'
import { SharePost } from './share-post.tsx'
import { SeriesNav } from './series-nav.tsx'
import { OfflineStatus } from '../offline/offline-status.tsx'
import { withBase } from '../../shared/base-path.ts'
import { FormattedTextView } from '../../shared/ui/formatted-text-view.tsx'
import { textDirection } from '../../shared/i18n/languages.ts'
import postText from 'virtual:site-locale/post'
import { dir as siteDir, lang as siteLang } from '../../shared/i18n/i18n.ts'

// Only posts with `comments: true` download the comments' button and loader.
const Comments = lazy(() => import('./comments.tsx').then((module) => ({ default: module.Comments })))

/** `/blog/:slug`. */
export function PostPage() {
  const { slug = '', passage } = useParams()
  return <PostView slug={slug} {...(passage ? { passage } : {})} />
}

/**
 * A post by its slug (from `/blog/:slug`, or found by its permalink). Only this post's data is needed;
 * every slug is looked up only when this one is not exact (old links may differ in case).
 */
export function PostView({ slug, passage }: { slug: string; passage?: string }) {
  const { data: post } = useSuspenseQuery(postQuery(slug))
  if (!post) return <PostByLooseSlug slug={slug} />
  if (post.summary.error) return <BrokenPost summary={post.summary} />
  return <PostArticle post={post} {...(passage ? { passage } : {})} />
}

function PostByLooseSlug({ slug }: { slug: string }) {
  const { data: exact } = useSuspenseQuery(looseSlugQuery(slug))
  return exact && exact !== slug ? <PostView slug={exact} /> : <NotFoundPage what="post" />
}

function PostArticle({ post, passage }: { post: PostData; passage?: string }) {
  const { summary } = post
  const path = paths.post.href(summary)
  const passageText = usePassageText(post, passage)
  useMarkPassage(passage)
  const hasToc = post.toc.length >= TOC_MIN_HEADINGS
  return (
    <div className="post-layout">
      <ReadingProgress />
      <article className="post" data-color={summary.color ?? 'default'} data-has-toc={hasToc} {...postLanguage(summary.lang)}>
        <PageMeta
          title={summary.title}
          description={passageText ? `“${passageText}”` : summary.excerpt}
          post={summary}
        />
        <header className="post-header">
          <PageHeading>{summary.title}</PageHeading>
          {summary.description !== undefined && (
            <p className="post-description">
              <FormattedTextView text={summary.description} />
            </p>
          )}
          <PostFacts post={summary} {...interfaceLanguage(summary.lang)} />
          <TagList tags={summary.tags} />
          {passage && passageText === null && <MissingPassage />}
          {post.series && <SeriesNav series={post.series} {...interfaceLanguage(summary.lang)} />}
        </header>
        <PostToc entries={post.toc} />
        <div className="post-body">
          <PostContext.Provider value={{ slug: summary.slug, title: summary.title, highlightPages: post.highlightPages !== false }}>
            <PostBody tree={post.body} />
          </PostContext.Provider>
        </div>
        <footer className="post-footer" {...interfaceLanguage(summary.lang)}>
          <OfflineStatus slug={summary.slug} pageHref={withBase(path)} />
          <SharePost path={path} title={summary.title} />
          <PostNeighbors post={post} />
          <RelatedPosts post={post} />
          {summary.comments && (
            <Suspense fallback={null}>
              <Comments term={summary.slug} />
            </Suspense>
          )}
        </footer>
      </article>
    </div>
  )
}

/** A post in its own language (`lang:` front matter) says so on its article: screen readers, hyphenation and fonts follow. */
function postLanguage(tag: string | undefined) {
  return tag ? { lang: tag, dir: textDirection(tag) } : {}
}

/** Inside a post in its own language, the interface's parts (date line, series, footer) keep the site's. */
function interfaceLanguage(tag: string | undefined) {
  return tag ? { lang: siteLang, dir: siteDir } : {}
}

/** A quote link whose quote has left the post (edited or removed): say so, rather than show the post silently. */
function MissingPassage() {
  return (
    <p className="passage-missing" role="status">
      {postText.missingPassage}
    </p>
  )
}

/** The text of the passage a quote link names, for the page's description. */
function usePassageText(post: PostData, passage: string | undefined): string | null {
  return useMemo(() => (passage ? findPassageText(post.body, passage) : null), [post.body, passage])
}

/**
 * Opened from a quote link (`/blog/<slug>/quote/<id>/`, or the `#<id>` it leads to): scroll to the
 * quote or highlight and mark it.
 */
function useMarkPassage(passage: string | undefined) {
  const { hash } = useLocation()
  useEffect(() => {
    const id = passage ?? safeDecode(hash.slice(1))
    const element = id ? document.getElementById(id) : null
    if (!element || !['BLOCKQUOTE', 'MARK'].includes(element.tagName)) return
    element.classList.add('passage-marked')
    element.scrollIntoView({ block: 'center' })
    return () => element.classList.remove('passage-marked')
  }, [passage, hash])
}

/** Dev server only: a build refuses such a post, the dev server shows why on its page. */
function BrokenPost({ summary }: { summary: PostSummary }) {
  return (
    <article className="post">
      <PageMeta title={summary.title} />
      <PageHeading>{summary.title}</PageHeading>
      <div className="post-problem" role="alert">
        <p>{postText.cannotBeShown}</p>
        <pre>{summary.error}</pre>
      </div>
    </article>
  )
}

/** `#%` is no valid escape: a hash a reader typed or a site mangled must not break the page. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
