/**
 * One site page (`about.md`, `pages/cv.md`, a collection's document) -> its title, description and
 * sanitized body, through the same pipeline as posts. Pure: the caller reads the file. Its front matter
 * was read with the site (site/read-site.ts); only the body is rendered here.
 */
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import type { Root } from 'hast'
import type { SiteDocument } from '../site/jekyll-site.ts'
import { splitFrontMatter } from './front-matter.ts'
import type { LiquidPage } from '../liquid/jekyll-liquid.ts'
import { renderBody, type PostPipeline } from '../markdown/render-markdown.ts'
import { plainDescription } from './post-text.ts'
import { problemFromMessage, type Problem } from './problem.ts'

export interface LoadedPage {
  /** The page's file, as messages name it. */
  file: string
  /** Where the page is served, base path left out. */
  url: string
  title: string
  /** Plain text, for the meta description. */
  description: string
  body: Root
  problems: Problem[]
}

export function loadPage(file: string, source: string, document: SiteDocument, pipeline: PostPipeline): LoadedPage {
  const block = splitFrontMatter(source)
  // Blank lines in place of the front matter keep every body position a line of the file itself.
  const vfile = new VFile({ path: file, value: '\n'.repeat(block.bodyLine - 1) + block.body })
  const rawDescription = document.frontMatter.description
  const description = typeof rawDescription === 'string' ? plainDescription(rawDescription) : ''
  // `page.*` while it renders: its front matter, with what Jekyll adds (`url`, `path`, `title`).
  const page: LiquidPage = { variables: { ...document.frontMatter, title: document.title, url: document.url, path: document.path, date: document.timestamp ?? document.date }, path: document.path }
  vfile.data = { page }
  let body: Root = { type: 'root', children: [] }
  try {
    body = renderBody(pipeline, vfile)
  } catch (error) {
    if (!(error instanceof VFileMessage)) {
      vfile.message(`This page could not be rendered (${(error as Error).message}). Simplify the construct near here`, {
        place: { line: 1, column: 1 },
        ruleId: 'render-failed',
        source: 'jekyll-reader',
      }).fatal = true
    }
  }
  return { file, url: document.url, title: document.title, description, body, problems: vfile.messages.map((message) => problemFromMessage(file, message)) }
}
