import { describe, expect, it } from 'vitest'
import { toHtml } from 'hast-util-to-html'
import type { SiteDocument } from '../site/jekyll-site.ts'
import { createPostPipeline } from '../markdown/render-markdown.ts'
import { testOptions } from '../markdown/test-pipeline.ts'
import { formatProblem } from './problem.ts'
import { loadPage } from './load-page.ts'

const document = (frontMatter: Record<string, unknown>): SiteDocument => ({
  kind: 'page', path: 'about.md', url: '/about/', slug: 'about', title: 'About these notes', date: null, tags: [], categories: [], frontMatter,
})

describe('loadPage', () => {
  const pipeline = createPostPipeline(testOptions)

  it('renders the body with the posts pipeline: sanitized, with its page title', () => {
    const source = '---\ntitle: About these notes\ndescription: Kept by <em>Ada</em>\n---\nKept by **Ada** on {{ site.title }}.\n\n<script>alert(1)</script>\n'
    const page = loadPage('site/about.md', source, document({ description: 'Kept by <em>Ada</em>' }), pipeline)
    expect(page).toMatchObject({ url: '/about/', title: 'About these notes', description: 'Kept by Ada', problems: [] })
    expect(toHtml(page.body).replace(/ id="q-[a-z0-9-]+"/g, '').trim()).toBe('<p>Kept by <strong>Ada</strong> on Test blog.</p>')
  })

  it("reports problems at the line of the page's own file", () => {
    const page = loadPage('site/about.md', '---\ntitle: About\n---\n\nUnclosed {% include x.html\n', document({}), pipeline)
    expect(page.problems.map(formatProblem)).toEqual([expect.stringMatching(/^site\/about\.md:5:\d+: Unclosed `\{%`/)])
    expect(page.problems[0]!.fatal).toBe(true)
  })
})
