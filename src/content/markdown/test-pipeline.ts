/** Test helper: markdown as an author writes it -> the HTML and problems the pipeline gives. */
import { VFile } from 'vfile'
import { toHtml } from 'hast-util-to-html'
import { createPostPipeline, renderBody, type MarkdownOptions } from './render-markdown.ts'
import type { JekyllSite } from '../site/jekyll-site.ts'
import { formatProblem, problemFromMessage } from '../post/problem.ts'

/** A site of one post, `2019-02-15-learn-react-js.md`, for `post_url` and `site.posts`. */
export function testSite(overrides: Partial<JekyllSite> = {}): JekyllSite {
  return {
    siteDir: null,
    config: { title: 'Test blog' },
    data: {},
    includeDirs: [],
    basePath: '/',
    siteUrl: 'https://blog.example',
    documents: [
      {
        kind: 'post',
        path: '_posts/2019-02-15-learn-react-js.md',
        url: '/blog/learn-react-js/',
        slug: 'learn-react-js',
        title: 'Learn React.js',
        date: '2019-02-15',
        tags: ['react'],
        categories: [],
        frontMatter: { title: 'Learn React.js', tags: ['react'] },
      },
    ],
    ...overrides,
  }
}

export const testOptions: MarkdownOptions = { site: testSite(), media: { basePath: '/' } }
const pipelines = new WeakMap<MarkdownOptions, ReturnType<typeof createPostPipeline>>()

export function render(markdown: string, options: MarkdownOptions = testOptions, page: Record<string, unknown> = {}, path = 'posts/test.md') {
  const file = new VFile({ path, value: markdown, data: { page: { variables: page, path: '_posts/test.md' } } })
  let pipeline = pipelines.get(options)
  if (!pipeline) pipelines.set(options, (pipeline = createPostPipeline(options)))
  const tree = renderBody(pipeline, file)
  return {
    tree,
    // Passage ids (`id="q-..."`) have their own test; elsewhere they would only repeat in every case.
    html: toHtml(tree).trim().replace(/ id="q-[a-z0-9-]+"/g, ''),
    problems: file.messages.map((message) => formatProblem(problemFromMessage(path, message))),
  }
}
