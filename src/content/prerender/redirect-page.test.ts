import { describe, expect, it } from 'vitest'
import { fromHtml } from 'hast-util-from-html'
import { select } from 'hast-util-select'
import { redirectPage } from './redirect-page.ts'

describe('redirectPage', () => {
  const page = fromHtml(redirectPage('/notes/cv/', 'https://example.org/notes/cv/'))

  it('refreshes to the target, names it canonical and links to it', () => {
    expect(select('meta[http-equiv=refresh]', page)?.properties.content).toBe('0; url=/notes/cv/')
    expect(select('link[rel=canonical]', page)?.properties.href).toBe('https://example.org/notes/cv/')
    expect(select('a', page)?.properties.href).toBe('/notes/cv/')
  })

  it('keeps a hostile target inside its attribute and its string', () => {
    const html = redirectPage('/x"><script>alert(1)</script>', 'https://example.org/x')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain('url=/x&quot;&gt;&lt;script&gt;')
  })
})
