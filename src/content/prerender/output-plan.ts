/**
 * Every file the build will write, claimed before any is written: what Vite emitted and `public/`
 * holds, then the list, tag and not-found pages, then each post's files (post-files.ts), then what a
 * site folder adds (site-outputs.ts: pages, redirects, feed copies, static files). A post whose
 * slug, permalink or quote id lands on a file someone else writes, or outside `dist/`, is a fatal
 * problem naming both sources, instead of a page silently replaced or a crash naming no file.
 *
 * A site folder's file that lands on a taken file is a warning, and that file is left out: the site's
 * pages and static files are the frame around the posts (an about page, the theme's old `index.html`),
 * as a page that cannot be rendered is left out; the posts are what the app publishes, so a post's
 * collision stops the build.
 */
import type { Collection } from '../site/collection.ts'
import type { Problem } from '../post/problem.ts'
import { OutputClaims, OutputPathError, routeFile } from './output-paths.ts'
import { hasPage, indexPages } from './prerender.ts'
import { postFiles } from './post-files.ts'
import { archivePages, seriesPages } from './archive-pages.ts'
import type { SiteOutput } from './site-outputs.ts'

/** A file written by the build itself, and what to call it in a message ("the Atom feed"). */
export type FixedFile = [file: string, claimant: string]

/** `highlightPages`: the site setting; without it a highlight writes no page. */
export function claimOutputs(collection: Collection, fixed: FixedFile[], options: { highlightPages: boolean }): Problem[] {
  return planOutputs(collection, fixed, options).problems
}

export interface OutputPlan {
  /** Fatal for a post, warnings for a site's file. */
  problems: Problem[]
  /** The site folder's files that got their place, to be written. */
  siteWrites: SiteOutput[]
  /** Every file the build writes (a rebuild removes the others from `dist/`: build/stale-outputs.ts). */
  files: string[]
}

export function planOutputs(collection: Collection, fixed: FixedFile[], { highlightPages }: { highlightPages: boolean }, site: SiteOutput[] = []): OutputPlan {
  const claims = new OutputClaims()
  const problems: Problem[] = []
  const problem = (file: string, reason: string) => problems.push({ file, line: null, column: null, reason, fatal: true })
  for (const [file, claimant] of fixed) claims.claim(file, claimant)

  let pages: ReturnType<typeof indexPages> = []
  try {
    pages = [...indexPages(collection), ...archivePages(collection), ...seriesPages(collection)]
  } catch (error) {
    if (!(error instanceof OutputPathError)) throw error
    problem('dist', error.message)
  }
  // The app's own pages first, then each post's own files, then permalinks: of two claimants, the one
  // reported is the post that moved onto a taken path.
  for (const page of pages) {
    const reason = claims.claim(page.file, page.claimant)
    if (reason) problem('dist', reason)
  }
  for (const [slug, { post }] of collection.posts) {
    try {
      const files = postFiles(slug, post.passages, { page: hasPage(post.summary, post.body), card: !post.summary.image, highlightPages })
      const own = [files.page, files.card, ...files.passages.flatMap(({ page, card }) => [page, card])]
      for (const file of own) {
        const reason = file && claims.claim(file, `${post.file} (slug: ${slug})`)
        if (reason) problem(post.file, reason)
      }
    } catch (error) {
      if (!(error instanceof OutputPathError)) throw error
      problem(post.file, error.message)
    }
  }
  // A post with a permalink is written there, and its `/blog/<slug>/` becomes a redirect page to it.
  for (const [slug, { post }] of collection.posts) {
    const permalink = post.summary.permalink
    if (!permalink || !hasPage(post.summary, post.body)) continue
    try {
      const file = routeFile(permalink)
      if (file === routeFile(`/blog/${slug}/`)) continue
      const reason = claims.claim(file, `${post.file} (permalink: ${permalink})`)
      if (reason) problem(post.file, reason)
    } catch (error) {
      if (!(error instanceof OutputPathError)) throw error
      problem(post.file, error.message)
    }
  }
  const siteWrites: SiteOutput[] = []
  for (const output of site) {
    const reason = claims.claim(output.file, output.claimant)
    if (!reason) siteWrites.push(output)
    else problems.push({ file: output.source, line: null, column: null, reason: `${reason.replace(/\. Change the slug or permalink of one of them$/, '')}: ${LEFT_OUT[output.kind]}`, fatal: false })
  }
  return { problems, siteWrites, files: claims.claimedFiles() }
}

const LEFT_OUT: Record<SiteOutput['kind'], string> = {
  page: 'this page is not published. Give it another `permalink:`',
  redirect: 'this redirect is not written. Remove it from `redirect_from:`',
  feed: "the feed's copy is not written there. Give the site's feed template another `permalink:`",
  static: 'this static file is not copied. Rename or move it',
}

/** How many highlight pages the posts would write (highlightPages on): one per highlight with a safe id. */
export function highlightPageCount(collection: Collection): number {
  let count = 0
  for (const [slug, { post }] of collection.posts) {
    if (!hasPage(post.summary, post.body)) continue
    try {
      count += postFiles(slug, post.passages, { page: true, card: false, highlightPages: true }).passages.filter(({ passage }) => passage.kind === 'highlight').length
    } catch (error) {
      // A slug that is no file name writes nothing (planOutputs reports it).
      if (!(error instanceof OutputPathError)) throw error
    }
  }
  return count
}
