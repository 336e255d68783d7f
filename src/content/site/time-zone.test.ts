/**
 * A Jekyll site whose `_config.yml` names a time zone (`__fixtures__/time-zone-site`, America/New_York):
 * each post's URL and what it prints of `page.date`, through the site reader and the whole pipeline,
 * against what `TZ=UTC jekyll build` (Jekyll 4.3.1) wrote for the same folder.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { toString } from 'hast-util-to-string'
import { readJekyllSite } from './read-site.ts'
import { postInSite } from './post-documents.ts'
import { createPostPipeline } from '../markdown/render-markdown.ts'
import { loadPost } from '../post/load-post.ts'

const SITE = fileURLToPath(new URL('./__fixtures__/time-zone-site', import.meta.url))

// Jekyll's output: the page's path, then `{{ page.date }} / {{ page.date | date: "%Y-%m-%d %H:%M" }} /
// {{ page.date | date_to_xmlschema }}`.
const JEKYLL = [
  ['/2016/05/20/1530/early/', '2016-05-20 15:30:00 -0400 / 2016-05-20 15:30 / 2016-05-20T15:30:00-04:00'],
  ['/2016/05/21/2100/no-offset/', '2016-05-21 21:00:00 -0400 / 2016-05-21 21:00 / 2016-05-21T21:00:00-04:00'],
  ['/2016/05/23/1930/utc/', '2016-05-23 19:30:00 -0400 / 2016-05-23 19:30 / 2016-05-23T19:30:00-04:00'],
  ['/2016/05/25/0100/minutes/', '2016-05-25 01:00:00 -0400 / 2016-05-25 01:00 / 2016-05-25T01:00:00-04:00'],
  ['/2016/05/26/0000/day-only/', '2016-05-26 00:00:00 -0400 / 2016-05-26 00:00 / 2016-05-26T00:00:00-04:00'],
  ['/2016/05/27/0000/name-only/', '2016-05-27 00:00:00 -0400 / 2016-05-27 00:00 / 2016-05-27T00:00:00-04:00'],
  // `+05`: an offset of hours alone.
  ['/2016/05/27/1600/short-offset/', '2016-05-27 16:00:00 -0400 / 2016-05-27 16:00 / 2016-05-27T16:00:00-04:00'],
  // Other front matter dates through `date:` filters: a timestamp is UTC, a day alone stays its day.
  ['/2020/01/01/0000/modified/', '2020-01-01 00:00:00 -0500 / 2020-01-01 00:00 / 2020-01-01T00:00:00-05:00 / 2020-01-02 05:00 / 2020-01-03 00:00'],
  // The day daylight saving time starts: 05:00 is in EDT, though 05:00 UTC is still EST.
  ['/2024/03/10/0500/spring-forward/', '2024-03-10 05:00:00 -0400 / 2024-03-10 05:00 / 2024-03-10T05:00:00-04:00'],
]

describe('a site with `timezone:` in _config.yml', () => {
  const site = readJekyllSite({ siteDir: SITE, drafts: false, env: {} })
  const pipeline = createPostPipeline({ site, media: { basePath: '/' } })
  const posts = site.documents.filter((document) => document.kind === 'post')

  it('publishes each post at the URL Jekyll gives it and prints its date as Jekyll does', () => {
    const rendered = posts.map((document) => {
      const post = loadPost(document.file!, readFileSync(document.file!, 'utf8'), pipeline, { site: postInSite(document) })
      expect(post.problems).toEqual([])
      return [document.url, toString(post.body).trim()]
    })
    expect(rendered.sort()).toEqual(JEKYLL)
  })

  it("shows each post on the day of its URL, in the site's time zone", () => {
    const early = posts.find((document) => document.slug === 'early')!
    const post = loadPost(early.file!, readFileSync(early.file!, 'utf8'), pipeline, { site: postInSite(early) })
    expect(post.summary.date).toBe('2016-05-20')
  })
})
