import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { toHtml } from 'hast-util-to-html'
import { createPostPipeline } from '../src/content/markdown/render-markdown.ts'
import { loadPost } from '../src/content/post/load-post.ts'
import { formatProblem } from '../src/content/post/problem.ts'
const root = '/work/shared/corpus/portfolyou-site'
const files: string[] = []
const walk = (dir: string) => { for (const name of readdirSync(dir)) { const p = join(dir, name); if (statSync(p).isDirectory()) { if (!name.startsWith('.')) walk(p) } else if (/\.(md|markdown|html)$/.test(name) && !p.includes('_includes') && !p.includes('_layouts')) files.push(p) } }
walk(root)
const pipeline = createPostPipeline({ site: { siteDir: root, config: {}, data: {}, includeDirs: [], basePath: '/', siteUrl: 'https://x', documents: [] }, media: { basePath: '/' } })
for (const file of files) {
  const post = loadPost(file.replace(root + '/', ''), readFileSync(file, 'utf8'), pipeline)
  const html = toHtml(post.body)
  const raw = (html.match(/\{%[^%]*%\}|\{\{[^}]*\}\}/g) ?? []).slice(0, 3)
  console.log(`== ${file.replace(root + '/', '')}: ${post.problems.length} problems${raw.length ? ' RAW ' + raw.join(' ') : ''}${/undefined/.test(html) ? ' UNDEFINED' : ''}`)
  for (const p of post.problems.slice(0, 4)) console.log('   ' + formatProblem(p).slice(0, 200))
}
