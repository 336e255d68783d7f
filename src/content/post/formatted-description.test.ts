import { describe, expect, it } from 'vitest'
import { formattedDescription } from './formatted-description.ts'
import { plainDescription } from './post-text.ts'
import { plainFormatted } from '../../shared/formatted-text.ts'

const format = (description: string) => formattedDescription(description, plainDescription(description))

describe('a description with HTML, for cards and the post header', () => {
  it('keeps strong, em, code and links, as small runs', () => {
    expect(format('The <strong>first</strong> morning, <em>early</em>, with <code>map()</code> and <a href="/about/">us</a>')).toEqual([
      'The ',
      ['strong', 'first'],
      ' morning, ',
      ['em', 'early'],
      ', with ',
      ['code', 'map()'],
      ' and ',
      ['a', '/about/', 'us'],
    ])
    expect(format('<b>Bold</b> and <i>italic</i>')).toEqual([['strong', 'Bold'], ' and ', ['em', 'italic']])
  })

  it('is the plain string when there is no formatting to keep', () => {
    expect(format('Just words')).toBe('Just words')
    expect(format('<span class="x">Just</span> words &amp; more')).toBe('Just words & more')
  })

  it('keeps the text of other elements, drops script and style, every attribute, and links that are not http(s) or the site', () => {
    expect(format('<strong onclick="alert(1)" style="color:red">a</strong><script>alert(2)</script><style>p{}</style><img src=x onerror=alert(3)><u>b</u>')).toEqual([['strong', 'a'], 'b'])
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,x', '//evil.example/', 'vbscript:x', 'java\tscript:x']) {
      expect(format(`<a href="${href}"><em>x</em></a>`), href).toEqual([['em', 'x']])
    }
    expect(format('<a href="https://example.com/a">out</a> <a href="notes/x.html#top">in</a>')).toEqual([['a', 'https://example.com/a', 'out'], ' ', ['a', 'notes/x.html#top', 'in']])
  })

  it('reads as the same text as the meta description', () => {
    const description = '  The <strong>first</strong>\n morning out, <em>with</em> a lamp  '
    expect(plainFormatted(format(description))).toBe(plainDescription(description))
  })
})
