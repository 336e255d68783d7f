import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { expect, it } from 'vitest'
import { remarkAutolinkLiteralsWhereUsed } from './remark-autolink-literals-where-used.ts'
import { render } from '../test-pipeline.ts'

const withGfm = unified().use(remarkParse).use(remarkGfm)
const whereUsed = unified().use(remarkParse).use(remarkGfm).use(remarkAutolinkLiteralsWhereUsed)

const withoutLinks = [
  'A paragraph with *emphasis*, ~~struck~~ text, `code`, a [link](/blog/x/ "t") and a footnote.[^1]\n\n[^1]: The note.\n',
  '| Name | Value |\n| :--- | ---: |\n| a_b | **1** |\n\n- [x] done\n- [ ] to do\n\n> quoted_text_with_underscores and 3.14 and a-b.c\n',
  '<mark>marked</mark> text in HTML, then\n\n```js\nconst x = a.b.c\n```\n\nWWW alone, a dot.com and x.y.z, no scheme.\n',
]

it('parses a document without `@`, `www` or `http(s):` to the same tree as with every GFM construct', () => {
  for (const markdown of withoutLinks) expect(whereUsed.parse(markdown)).toEqual(withGfm.parse(markdown))
})

it('still links bare URLs, www addresses and email addresses', () => {
  const markdown = 'See https://example.com/a, www.example.org and me@example.com.\n'
  expect(whereUsed.parse(markdown)).toEqual(withGfm.parse(markdown))
  expect(render(markdown).html).toContain('<a href="https://example.com/a">')
  expect(render(markdown).html).toContain('<a href="mailto:me@example.com">')
  // A document without any parses right after one with (the extensions are put back).
  expect(whereUsed.parse(withoutLinks[0]!)).toEqual(withGfm.parse(withoutLinks[0]!))
  expect(render('and www.example.net too').html).toContain('<a href="http://www.example.net">')
})
