import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { readFrontMatter, splitFrontMatter } from './front-matter.ts'
import { formatProblem, problemFromMessage } from './problem.ts'

function read(source: string) {
  const file = new VFile({ path: 'posts/x.md' })
  const problems = () => file.messages.map((message) => formatProblem(problemFromMessage('posts/x.md', message)))
  try {
    return { meta: readFrontMatter(splitFrontMatter(source), file), problems: problems() }
  } catch {
    return { meta: null, problems: problems() }
  }
}

describe('splitFrontMatter', () => {
  it('finds the YAML and where the body starts', () => {
    expect(splitFrontMatter('---\ntitle: A\n---\nBody')).toMatchObject({ yaml: 'title: A\n', yamlLine: 2, body: 'Body', bodyLine: 4 })
  })
  it('reads a file that ends right after the closing line (no body, no newline)', () => {
    expect(splitFrontMatter('---\ntitle: A\n---')).toMatchObject({ yaml: 'title: A\n', body: '' })
  })
  it('accepts `...` as the closing line and an empty block', () => {
    expect(splitFrontMatter('---\ntitle: A\n...\nB')).toMatchObject({ yaml: 'title: A\n', body: 'B' })
    expect(splitFrontMatter('---\n---\nB')).toMatchObject({ yaml: '', body: 'B', bodyLine: 3 })
  })
  it('treats a file without front matter as all body', () => {
    expect(splitFrontMatter('# Just markdown\n')).toMatchObject({ yaml: null, body: '# Just markdown\n', bodyLine: 1 })
  })
  it('tolerates blank lines and a BOM before the front matter, and says so', () => {
    const block = splitFrontMatter('\uFEFF\n\n---\ntitle: A\n---\nB')
    expect(block).toMatchObject({ yaml: 'title: A\n', yamlLine: 4, bodyLine: 6, leadingBlankLines: true })
    expect(read('\n---\ntitle: A\n---\n').problems[0]).toMatch(/^posts\/x\.md:2:1: Blank lines before the front matter/)
  })
  it('does not take a thematic break in the body for front matter', () => {
    expect(splitFrontMatter('Intro\n\n---\n\nMore')).toMatchObject({ yaml: null })
  })
})

describe('readFrontMatter', () => {
  it('reads every field the theme uses', () => {
    const { meta, problems } = read(
      '---\ntitle: Peer focus\ntags: [Leadership, Growth]\nstyle: border\ncolor: success\ndescription: Why peers\ncomments: true\ndate: 2021-10-30 10:00:00 +0100\nexternal_url: https://example.com/x\nimage: /assets/a.png\n---\n',
    )
    expect(problems).toEqual([])
    expect(meta).toMatchObject({
      title: 'Peer focus',
      tags: ['Leadership', 'Growth'],
      style: 'border',
      color: 'success',
      description: 'Why peers',
      comments: true,
      date: { date: '2021-10-30', timestamp: Date.parse('2021-10-30T09:00:00Z') },
      externalUrl: 'https://example.com/x',
      image: '/assets/a.png',
      published: true,
    })
  })

  it.each([
    ['a space-separated string', 'tags: leadership growth', ['leadership', 'growth']],
    ['an empty value', 'tags:', []],
    ['a block list', 'tags:\n  - Leadership\n  - External Post', ['Leadership', 'External Post']],
    ['a singular tag merged in', 'tags: [A]\ntag: B', ['A', 'B']],
  ])('reads tags written as %s', (_, yaml, tags) => {
    expect(read(`---\n${yaml}\n---\n`).meta?.tags).toEqual(tags)
  })

  it('reads `published: false` and YAML 1.1 booleans as Jekyll does', () => {
    expect(read('---\npublished: false\n---\n').meta?.published).toBe(false)
    expect(read('---\ncomments: yes\n---\n').meta?.comments).toBe(true)
  })

  it('keeps a block scalar description as plain text', () => {
    expect(read('---\ndescription: >\n  Two lines\n  of text\n---\n').meta?.description).toBe('Two lines of text')
  })

  it('ignores empty style and color, and unknown ones with a warning', () => {
    expect(read('---\nstyle:\ncolor:\n---\n')).toMatchObject({ meta: { style: null, color: null }, problems: [] })
    const unknown = read('---\ncolor: teal\n---\n')
    expect(unknown.meta?.color).toBeNull()
    expect(unknown.problems).toEqual([
      'posts/x.md:2:8: Unknown `color` "teal", using the default. Use one of: primary, secondary, success, danger, warning, info, light, dark',
    ])
  })

  it('reads a post\'s own language as a canonical BCP 47 tag, and warns of one that is not', () => {
    expect(read('---\nlang: pt-br\n---\n')).toMatchObject({ meta: { lang: 'pt-BR' }, problems: [] })
    expect(read('---\nlang: ar\n---\n').meta?.lang).toBe('ar')
    const bad = read('---\ntitle: A\nlang: english!\n---\n')
    expect(bad.meta?.lang).toBeNull()
    expect(bad.problems).toEqual(['posts/x.md:3:7: `lang: english!` is not a language tag; it is ignored. Write a BCP 47 tag such as `lang: en`, `lang: pt-BR` or `lang: zh-Hant`'])
  })

  it('shows something sensible for a title that is a map, with a warning', () => {
    const { meta, problems } = read('---\ntitle:\n  en: Hello\n  fr: Bonjour\n---\n')
    expect(meta?.title).toBe('Hello')
    expect(problems[0]).toMatch(/^posts\/x\.md:3:3: `title` should be text, found a map of keys; showing "Hello"/)
  })

  describe('rejects, naming the line and the fix', () => {
    it.each([
      ['invalid YAML', '---\ntitle: A\ntags: [a, b\n---\n', /^posts\/x\.md:3:\d+: Invalid YAML in front matter: .+Check the indentation/],
      ['a date that does not parse', '---\ntitle: A\ndate: next tuesday\n---\n', 'posts/x.md:3:7: Cannot read the date "next tuesday". Write it as `date: 2021-10-30` or `date: 2021-10-30 14:00:00 +0100`'],
      ['a tag that is a number', '---\ntags: [Leadership, 2019]\n---\n', 'posts/x.md:2:20: Each tag must be text, found the number 2019 in `tags`. Quote it, for example `tags: ["2019"]`'],
      ['a tag that is a map', '---\ntags:\n  - a: b\n---\n', 'posts/x.md:3:5: Each tag must be text, found a map of keys in `tags`. Quote it, for example `tags: ["Tag name"]`'],
      ['tags that are a map', '---\ntags:\n  a: b\n---\n', 'posts/x.md:3:3: `tags` must be a list of text, found a map of keys. Write `tags: [Leadership, Growth]`'],
    ])('%s', (_, source, expected) => {
      const { meta, problems } = read(source)
      expect(meta).toBeNull()
      expect(problems.at(-1)).toMatch(expected)
    })
  })
})

describe('YAML as Psych reads it', () => {
  it('keeps the last of duplicate keys and resolves aliases', () => {
    expect(read('---\ntitle: One\ntitle: Two\n---\n').meta?.title).toBe('Two')
    expect(read('---\nbase: &b Hello\ntitle: *b\ntags: &t [a]\ntag: *t\n---\n').meta).toMatchObject({ title: 'Hello', tags: ['a', 'a'] })
  })
})
