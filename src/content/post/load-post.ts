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
import { readFrontMatter, report, splitFrontMatter, type FrontMatterBlock, type PostMeta } from './front-matter.ts'
import { calendarDate, type PostDate } from './post-date.ts'
import { renderBody, type PostPipeline } from '../markdown/render-markdown.ts'
import { countWords, excerptOf, plainDescription, plainText, readingMinutes } from './post-text.ts'
import { formatProblem, problemFromMessage, type Problem } from './problem.ts'
import { tagKey } from '../../shared/tag-key.ts'
import { expandPermalink } from './permalink.ts'
import { formattedDescription } from './formatted-description.ts'
import type { ReadProblem } from '../site/post-bytes.ts'
import { parseRubyTime } from '../site/site-time.ts'
import { isSafeSegment, OutputPathError, routeFile, unsafeSegmentReason } from '../prerender/output-paths.ts'

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

/**
 * `site`: set when the post belongs to a site folder (`SITE_DIR`), whose reader (site/read-site.ts)
 * worked out the URL the post had on the Jekyll site: `permalink` is that path, or null for `/blog/<slug>/`.
 */
export interface PostInSite {
  permalink: string | null
  /** The post's path as `{% link %}` names it (`_posts/x.md`): where `{% include_relative %}` starts. */
  path: string
  /** Its `page.date` as Jekyll prints it, in the site's time zone (`2016-05-20 15:30:00 -0400`). */
  timestamp?: string
}

export interface LoadPostOptions {
  /** What reading the file found (a binary file, bytes that are not UTF-8; post-bytes.ts). */
  readProblem?: ReadProblem | null
  site?: PostInSite
}

export function loadPost(file: string, source: string, pipeline: PostPipeline, options: LoadPostOptions = {}): LoadedPost {
  const readProblem = options.readProblem ?? null
  const fileName = parsePostFileName(file)
  const block = splitFrontMatter(source)
  // Blank lines in place of the front matter keep every body position a line of the file itself.
  const vfile = new VFile({ path: file, value: '\n'.repeat(block.bodyLine - 1) + block.body })

  let meta: PostMeta | null = null
  let body = EMPTY_BODY
  if (readProblem) {
    const { line, column, reason, fatal } = readProblem
    vfile.message(reason, { place: { line, column }, ruleId: 'post-bytes', source: 'jekyll-reader' }).fatal = fatal
  }
  try {
    meta = readFrontMatter(block, vfile)
    if (!meta.title) {
      report(vfile, 1, 1, `No \`title\` in the front matter; using "${titleFromSlug(fileName.slug)}" from the file name. Add \`title: ...\``, 'front-matter-title')
    }
    const pageSlug = meta.slug ? slugifyPretty(meta.slug) : fileName.slug
    vfile.data = {
      page: {
        variables: {
          ...meta.frontMatter,
          title: meta.title ?? titleFromSlug(fileName.slug),
          slug: pageSlug,
          url: options.site?.permalink ?? ((meta.permalink && expandPermalink(meta.permalink, { slug: pageSlug, date: meta.date?.date ?? fileName.date })) || `/blog/${pageSlug}/`),
          date: options.site?.timestamp ?? meta.date?.date ?? fileName.date,
          tags: meta.tags,
        },
        path: options.site?.path ?? null,
      },
    }
    if (meta.published && !readProblem?.fatal) body = renderBody(pipeline, vfile)
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

  const where = (key: string) => ({ line: keyLine(block, key), column: 1 })
  const slug = meta?.slug ? slugifyPretty(meta.slug) : fileName.slug
  const slugProblem = unsafeSegmentReason(slug)
  if (slugProblem) {
    const from = meta?.slug ? `\`slug: ${meta.slug}\`` : 'The file name'
    const { line, column } = meta?.slug ? where('slug') : { line: 1, column: 1 }
    vfile.message(`${from} gives the slug ${JSON.stringify(slug)}, which ${slugProblem}: the post's folder under /blog/ cannot be named so. ${meta?.slug ? 'Write a slug of letters, digits and hyphens' : 'Rename the file'}`, {
      place: { line, column },
      ruleId: 'post-slug',
      source: 'jekyll-reader',
    }).fatal = true
  }
  // In a site, the day Jekyll gives the post in the site's time zone (site-time.ts), as its URL and
  // `page.date` have it; a posts folder alone shows the author's day.
  const date: PostDate | null = (options.site?.timestamp ? parseRubyTime(options.site.timestamp) : null) ?? meta?.date ?? (fileName.date ? calendarDate(fileName.date) : null)
  // Read before the problems are gathered below, so their warnings are printed too.
  const permalink = options.site ? options.site.permalink : permalinkOf(meta, slug, date, vfile, where('permalink'))
  const tags = uniqueTags(meta?.tags ?? [], vfile, where(meta?.tags.length && keyLine(block, 'tags') ? 'tags' : 'tag'))
  const problems = vfile.messages.map((message) => problemFromMessage(file, message))
  const fatal = problems.find((problem) => problem.fatal)
  const bodyText = plainText(body)
  const wordCount = countWords(bodyText)
  const description = meta?.description ? plainDescription(meta.description) : ''

  const summary: PostSummary = {
    slug,
    title: meta?.title ?? titleFromSlug(fileName.slug),
    date: date?.date ?? null,
    tags,
    excerpt: description || excerptOf(bodyText),
    ...(description ? { description: formattedDescription(meta!.description!, description) } : {}),
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    style: meta?.style ?? null,
    color: meta?.color ?? null,
    externalUrl: meta?.externalUrl ?? null,
    image: meta?.image ?? null,
    comments: meta?.comments ?? false,
    permalink,
    ...(meta?.lang ? { lang: meta.lang } : {}),
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

type Place = { line: number; column: number }

function permalinkOf(meta: PostMeta | null, slug: string, date: PostDate | null, vfile: VFile, place: Place): string | null {
  if (!meta?.permalink) return null
  const permalink = expandPermalink(meta.permalink, { slug, date: date?.date ?? null })
  if (permalink === null) {
    report(vfile, place.line, place.column, `\`permalink: ${meta.permalink}\` cannot be a path of this blog (it is an address, has a query, or is taken by the app); the post lives at /blog/${slug}`, 'front-matter-permalink')
    return null
  }
  try {
    routeFile(permalink)
  } catch (error) {
    if (!(error instanceof OutputPathError)) throw error
    const message = vfile.message(`\`permalink: ${meta.permalink}\` cannot be published: ${error.message}. Write a path inside the site, such as \`permalink: /2021/10/my-post/\``, {
      place,
      ruleId: 'front-matter-permalink',
      source: 'jekyll-reader',
    })
    message.fatal = true
    return null
  }
  return permalink
}

/** More tags than a reader can use; 10,000 of them made the build run out of memory. */
export const MAX_TAGS = 50

function uniqueTags(names: string[], vfile: VFile, place: Place): Tag[] {
  const seen = new Map<string, Tag>()
  const dropped: string[] = []
  for (const name of names) {
    const key = tagKey(name)
    if (!key || !isSafeSegment(key) || /^\.+$/.test(key)) dropped.push(name)
    else if (!seen.has(key)) seen.set(key, { name, key })
  }
  if (dropped.length > 0) {
    const shown = dropped.slice(0, 5).map((name) => JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)).join(', ')
    report(vfile, place.line, place.column, `Tag${dropped.length === 1 ? '' : 's'} ${shown}${dropped.length > 5 ? ` and ${dropped.length - 5} more` : ''} left out: a tag needs a letter or digit, at most 200 bytes, and not only dots, to have a page of its own. Rename ${dropped.length === 1 ? 'it' : 'them'}`, 'front-matter-tags')
  }
  const tags = [...seen.values()]
  if (tags.length > MAX_TAGS) {
    report(vfile, place.line, place.column, `${tags.length} tags: only the first ${MAX_TAGS} are kept. Keep the tags a reader would filter by`, 'front-matter-tags')
    return tags.slice(0, MAX_TAGS)
  }
  return tags
}

/** The file's line of a front matter key, for messages about its value; 1 when it is not found. */
function keyLine(block: FrontMatterBlock, key: string): number {
  const lines = (block.yaml ?? '').split('\n')
  const index = lines.findIndex((line) => line.startsWith(`${key}:`))
  return index === -1 ? 1 : block.yamlLine + index
}
