import { describe, expect, it } from 'vitest'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkRehype from 'remark-rehype'
import rehypeRaw from 'rehype-raw'
import { toHtml } from 'hast-util-to-html'
import type { Root } from 'hast'
import { blocksToParse, rehypeRawWhereNeeded } from './rehype-raw-where-needed.ts'

const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true })
const wholeDocument = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw)
const whereNeeded = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRawWhereNeeded)

function run(processor: typeof wholeDocument, markdown: string): Root {
  const tree = processor.runSync(processor.parse(markdown)) as Root
  // rehype-raw gives its root a position of its own; nothing reads the root's.
  delete tree.position
  return tree
}

function hast(markdown: string): Root {
  return toHast.runSync(toHast.parse(markdown)) as Root
}

/** Markdown as real posts write it: the portfolYOU highlight include's `<mark>`, keys, footnotes, poems. */
const POSTS = {
  'highlights in paragraphs': 'Trust is built. <mark>conversation clarity culture change</mark> Review the plan.\n\nAnother <mark>one</mark> and <mark>two</mark>.\n',
  'keys in a tight list': '- Press <kbd>Ctrl</kbd>+<kbd>C</kbd>\n- then <kbd>Esc</kbd>\n  - nested <sup>1</sup>\n',
  'a table cell and a heading': '## Plans <small>(draft)</small>\n\n| Key | Does |\n| --- | --- |\n| <kbd>q</kbd> | quits |\n',
  'a link holding raw HTML': '[the <em>real</em> thing](https://example.com) and <a href="/x" title=\'t\'>raw</a>\n',
  'hard breaks (a poem)': 'Do not go gentle into that good night,  \nOld age should burn and rave at close of day;  \nRage, rage against the dying of the light.\n\nSee <mark>this</mark>.\n',
  'footnotes, tasks and strikethrough': 'Claim.[^1] <sup>see</sup>\n\n- [x] done\n- [ ] open\n\n~~old~~\n\n[^1]: The note.\n',
  'a fenced block that starts with a blank line': '```haskell\n\n    let c = ref 0 in c\n```\n\nAfter <mark>it</mark>.\n',
  'no raw HTML at all': '# Title\n\nText with `code` and a [link](/x).  \nA break.\n\n> A quote.\n',
  'a fenced block with two blank lines first, in an item with raw HTML': '- a <mark>x</mark>\n\n  ```\n\n\n  code\n  ```\n',
  'an empty code block, an image then an empty line': '```\n```\n\n![alt](x.png)  \n\n',
  'task lists beside raw HTML': '- [ ] a\n  - [x] b\n\nz <b>q</b>\n',
}

describe('rehypeRawWhereNeeded', () => {
  it.each(Object.entries(POSTS))('gives the tree rehype-raw gives: %s', (_, markdown) => {
    expect(blocksToParse(hast(markdown))).not.toBeNull()
    const expected = run(wholeDocument, markdown)
    const actual = run(whereNeeded, markdown)
    expect(toHtml(actual)).toBe(toHtml(expected))
    expect(actual).toEqual(expected)
  })

  it('parses only the blocks that hold raw HTML', () => {
    const blocks = blocksToParse(hast('Plain.\n\nA <mark>mark</mark>.\n\n- item <kbd>k</kbd>\n'))!
    expect(blocks.map(({ parent, index }) => (parent.children[index] as { tagName: string }).tagName)).toEqual(['p', 'li'])
  })

  // Each of these can change how parse5 reads what follows, so the whole document is parsed, as before.
  const WHOLE = {
    'an HTML block': '<div class="note">\n\nSome *text*.\n\n</div>\n',
    'a tag left open': 'A <b>bold start\n\nand the next paragraph.\n',
    'a tag closed in another element': '*a <b>b* c</b>\n',
    'a comment': 'Text <!-- hidden --> more.\n',
    'a script tag': 'Text <script>alert(1)</script> more.\n',
    'a block-level tag inline': 'Text <p>inner</p> more.\n',
    'a self-closed non-void tag': 'Text <span/> more.\n',
    'a footnote call in link text (a link in a link)': '[a[^1]](http://x)\n\nthen <mark>m</mark>\n\n[^1]: note\n',
  }
  it.each(Object.entries(WHOLE))('parses the whole document for %s, and gives the same tree', (_, markdown) => {
    expect(blocksToParse(hast(markdown))).toBeNull()
    expect(run(whereNeeded, markdown)).toEqual(run(wholeDocument, markdown))
  })

  it('carries a tag left open over the next paragraph, as a browser does', () => {
    expect(toHtml(run(whereNeeded, 'A <b>bold start\n\nand the next.\n'))).toBe('<p>A <b>bold start</b></p><b>\n<p>and the next.</p></b>')
  })
})
