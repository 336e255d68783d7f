import { describe, expect, it } from 'vitest'
import type { SiteDocument } from './jekyll-site.ts'
import { siteRedirects } from './redirects.ts'

const page = (path: string, url: string, more: Partial<SiteDocument> = {}): SiteDocument => ({
  kind: 'page', path, url, slug: path, title: path, date: null, tags: [], categories: [], frontMatter: {}, ...more,
})

describe('siteRedirects', () => {
  it('sends each redirect_from path to its document, and a redirect_to document to its target', () => {
    const { redirects, warnings } = siteRedirects({
      documents: [page('about.md', '/about/', { redirectFrom: ['/me/', 'old-about.html'] }), page('moved.md', '/old-cv/', { redirectTo: '/cv/' })],
    })
    expect(redirects).toEqual([
      { from: '/me/', to: '/about/', path: 'about.md' },
      { from: '/old-about.html', to: '/about/', path: 'about.md' },
      { from: '/old-cv/', to: '/cv/', path: 'moved.md' },
    ])
    expect(warnings).toEqual([])
  })

  it('never overwrites a published page or an app page, and never redirects to a script', () => {
    const { redirects, warnings } = siteRedirects({
      documents: [
        page('about.md', '/about/', { redirectFrom: ['/cv/', '/blog/', '/../../etc/x'] }),
        page('cv.md', '/cv/'),
        page('evil.md', '/evil/', { redirectTo: 'javascript:alert(1)' }),
      ],
    })
    expect(redirects).toEqual([])
    expect(warnings).toEqual([
      'about.md: no redirect from /cv/: it is a page of the site. Remove it from `redirect_from:`',
      'about.md: no redirect from /blog/: it is the post list. Remove it from `redirect_from:`',
      'about.md: no redirect from /../../etc/x: not a path of this site (no address, query or `..`). Fix `redirect_from:`',
      'evil.md: no redirect to javascript:alert(1): a redirect goes to an http(s) address or a path of this site. Fix `redirect_to:`',
    ])
  })

  it('never redirects off the site by a backslash, a data: URL or a quote closing the attribute', () => {
    const targets = ['/\\evil.example/', '//evil.example/', 'data:text/html,<script>alert(1)</script>', 'https://x.example/"><script>alert(1)</script>', 'JaVaScRiPt:alert(1)', '/\t/evil.example']
    const { redirects, warnings } = siteRedirects({ documents: targets.map((to, index) => page(`r${index}.md`, `/r${index}/`, { redirectTo: to })) })
    expect(redirects).toEqual([])
    expect(warnings).toEqual(targets.map((to, index) => `r${index}.md: no redirect to ${to}: a redirect goes to an http(s) address or a path of this site. Fix \`redirect_to:\``))
  })
})
