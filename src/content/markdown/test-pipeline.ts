/** Test helper: markdown as an author writes it -> the HTML and problems the pipeline gives. */
import { VFile } from 'vfile'
import { toHtml } from 'hast-util-to-html'
import { createPostPipeline, renderBody, type MarkdownOptions } from './render-markdown.ts'
import { createPostResolver } from '../liquid/liquid-values.ts'
import { formatProblem, problemFromMessage } from '../post/problem.ts'

export const testOptions: MarkdownOptions = {
  liquid: { basePath: '/', siteUrl: 'https://blog.example', page: {}, site: { title: 'Test blog' } },
  media: { basePath: '/' },
  resolvePost: createPostResolver([{ name: '2019-02-15-learn-react-js.md', slug: 'learn-react-js' }]),
}

export function render(markdown: string, options: MarkdownOptions = testOptions) {
  const file = new VFile({ path: 'posts/test.md', value: markdown })
  const tree = renderBody(createPostPipeline(options), file)
  return {
    tree,
    // Passage ids (`id="q-..."`) have their own test; elsewhere they would only repeat in every case.
    html: toHtml(tree).trim().replace(/ id="q-[a-z0-9-]+"/g, ''),
    problems: file.messages.map((message) => formatProblem(problemFromMessage('posts/test.md', message))),
  }
}
