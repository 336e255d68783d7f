import { describe, expect, it } from 'vitest'
import { XMLValidator } from 'fast-xml-parser'
import { atomFeed, xml } from './feeds.ts'
import { defaultSiteSettings } from '../../site-settings.ts'
import type { PostSummary } from '../../shared/post-data.ts'

describe('xml', () => {
  it('drops what XML cannot hold and escapes the rest', () => {
    expect(xml('a\u0000b\u0007c\u001Fd\uFFFE\uD800e <&> "f"\tg\n')).toBe('abcde &lt;&amp;&gt; &quot;f&quot;\tg\n')
    expect(xml('emoji 🙂 stays')).toBe('emoji 🙂 stays')
  })
})

describe('atomFeed', () => {
  it('stays valid XML with control characters in a title, an excerpt and the body', () => {
    const summary: PostSummary = {
      slug: 'x', title: 'Bell\u0007 title', date: '2021-01-01', tags: [{ name: 'tag\u0001', key: 'tag' }], excerpt: 'Form\u000Cfeed',
      wordCount: 1, readingMinutes: 1, style: null, color: null, externalUrl: null, image: null, comments: false, permalink: null,
    }
    const body = { type: 'root' as const, children: [{ type: 'element' as const, tagName: 'p', properties: {}, children: [{ type: 'text' as const, value: 'nul\u0000 here' }] }] }
    const feed = atomFeed([{ summary, body }], defaultSiteSettings)
    expect(XMLValidator.validate(feed)).toBe(true)
    // The validator above accepts control characters; XML 1.0 (and every feed reader) does not.
    // eslint-disable-next-line no-control-regex
    expect(feed).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/)
    expect(feed).toContain('<title>Bell title</title>')
  })
})
