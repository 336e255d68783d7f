/**
 * One post file -> the data the app shows, with every problem found on the way. Pure: the caller reads
 * the file. A post with a fatal problem still gets a summary (title from its file name) so the dev
 * server can list it and show the problem on its page.
 */
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import type { Root } from 'hast'
import type { PostSummary, Tag } from '../../shared/post-data.ts'
import { parsePostFileName, slugifyPretty, titleFromSlug } from './file-name.ts'
import { readFrontMatter, report, splitFrontMatter, type PostMeta } from './front-matter.ts'
import { calendarDate, type PostDate } from './post-date.ts'
import { renderBody, type PostPipeline } from '../markdown/render-markdown.ts'
import { countWords, excerptOf, plainDescription, plainText, readingMinutes } from './post-text.ts'
import { formatProblem, problemFromMessage, type Problem } from './problem.ts'
import { tagKey } from '../../shared/tag-key.ts'
import { expandPermalink } from './permalink.ts'

export interface LoadedPost {
  /** The path problems are reported with, e.g. `posts/2019-02-15-learn-react.md`. */
  file: string
  summary: PostSummary
  body: Root
  /** The body as plain text (for search). */
  text: string
  /** For ordering: newest first, undated last. */
  timestamp: number | null
  published: boolean
  /** The post's `series` and `series_order`, or null. */
  series: SeriesMembership | null
  problems: Problem[]
}

export interface SeriesMembership {
  name: string
  order: number | null
}

const EMPTY_BODY: Root = { type: 'root', children: [] }

export function loadPost(file: string, source: string, pipeline: PostPipeline): LoadedPost {
  const fileName = parsePostFileName(file)
  const block = splitFrontMatter(source)
  // Blank lines in place of the front matter keep every body position a line of the file itself.
  const vfile = new VFile({ path: file, value: '\n'.repeat(block.bodyLine - 1) + block.body })

  let meta: PostMeta | null = null
  let body = EMPTY_BODY
  try {
    meta = readFrontMatter(block, vfile)
    if (!meta.title) {
      report(vfile, 1, 1, `No \`title\` in the front matter; using "${titleFromSlug(fileName.slug)}" from the file name. Add \`title: ...\``, 'front-matter-title')
    }
    vfile.data = { page: { title: meta.title ?? titleFromSlug(fileName.slug), description: meta.description ?? undefined } }
    if (meta.published) body = renderBody(pipeline, vfile)
  } catch (error) {
    if (!(error instanceof VFileMessage)) {
      // A bug or a limit (a 2,000-deep quote overflows the stack) in one post must not stop the others.
      const message = vfile.message(`This post could not be rendered (${(error as Error).message}). Simplify the construct near here, and report it if it is valid Jekyll`, {
        place: { line: 1, column: 1 },
        ruleId: 'render-failed',
        source: 'jekyll-reader',
      })
      message.fatal = true
      body = EMPTY_BODY
    }
  }

  const problems = vfile.messages.map((message) => problemFromMessage(file, message))
  const fatal = problems.find((problem) => problem.fatal)
  const slug = meta?.slug ? slugifyPretty(meta.slug) : fileName.slug
  const date: PostDate | null = meta?.date ?? (fileName.date ? calendarDate(fileName.date) : null)
  const bodyText = plainText(body)
  const wordCount = countWords(bodyText)
  const description = meta?.description ? plainDescription(meta.description) : ''

  const summary: PostSummary = {
    slug,
    title: meta?.title ?? titleFromSlug(fileName.slug),
    date: date?.date ?? null,
    tags: uniqueTags(meta?.tags ?? []),
    excerpt: description || excerptOf(bodyText),
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    style: meta?.style ?? null,
    color: meta?.color ?? null,
    externalUrl: meta?.externalUrl ?? null,
    image: meta?.image ?? null,
    comments: meta?.comments ?? false,
    permalink: permalinkOf(meta, slug, date, vfile),
    ...(fatal ? { error: formatProblem(fatal) } : {}),
  }
  return {
    file,
    summary,
    body,
    text: bodyText,
    timestamp: date?.timestamp ?? null,
    published: meta?.published ?? true,
    series: meta?.series ? { name: meta.series, order: meta.seriesOrder } : null,
    problems,
  }
}

function permalinkOf(meta: PostMeta | null, slug: string, date: PostDate | null, vfile: VFile): string | null {
  if (!meta?.permalink) return null
  const permalink = expandPermalink(meta.permalink, { slug, date: date?.date ?? null })
  if (permalink === null) {
    report(vfile, 1, 1, `\`permalink: ${meta.permalink}\` cannot be a path of this blog (it is an address, has a query, or is taken by the app); the post lives at /blog/${slug}`, 'front-matter-permalink')
  }
  return permalink
}

function uniqueTags(names: string[]): Tag[] {
  const seen = new Map<string, Tag>()
  for (const name of names) {
    const key = tagKey(name)
    if (key && !seen.has(key)) seen.set(key, { name, key })
  }
  return [...seen.values()]
}

