/**
 * Each Liquid construct of a real Jekyll post, through the whole pipeline (Liquid, then markdown), with
 * a site of its own includes (`__fixtures__/site/_includes`) and data: what a reader gets, what an
 * author is told.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { render, testSite } from '../markdown/test-pipeline.ts'
import type { MarkdownOptions } from '../markdown/render-markdown.ts'

const includes = fileURLToPath(new URL('./__fixtures__/site/_includes', import.meta.url))
const options: MarkdownOptions = {
  site: testSite({
    includeDirs: [includes],
    data: {
      links: [{ name: 'Docs', url: '/docs/' }, { name: 'Home', url: 'https://example.com' }],
      authors: { ann: { name: 'Ann Lee' } },
    },
  }),
  media: { basePath: '/' },
}
const page = { title: 'Post', tags: ['react', 'hooks'], heading_include: 'heading.html' }
const html = (markdown: string) => render(markdown, options, page).html
const problems = (markdown: string) => render(markdown, options, page).problems

describe('Liquid logic', () => {
  it.each([
    ['assign, then a filter on the variable', '{% assign about = "/about/" %}\n[About]({{ about | relative_url }})', '<p><a href="/about/">About</a></p>'],
    ['capture, then markdownify', '{% capture note %}\nA *note* with a [link](https://example.com).\n{% endcapture %}\n{{ note | markdownify }}', '<p>A <em>note</em> with a <a href="https://example.com">link</a>.</p>'],
    ['whitespace control on for', '<ul>\n{%- for tag in page.tags -%}\n  <li>{{ tag }}</li>\n{%- endfor -%}\n</ul>', '<ul><li>react</li><li>hooks</li></ul>'],
    ['case/when', '{% case page.title %}{% when "Post" %}It is the post{% else %}Other{% endcase %}', '<p>It is the post</p>'],
    ['unless', '{% unless page.draft %}Published{% endunless %}', '<p>Published</p>'],
    ['for with limit, offset and reversed', '{% for n in (1..5) limit: 3 offset: 1 reversed %}{{ n }}{% endfor %}', '<p>432</p>'],
    ['where_exp over site.posts, date_to_string', '{% assign reacts = site.posts | where_exp: "p", "p.tags contains \'react\'" %}{% for p in reacts %}[{{ p.title }}]({{ p.url | relative_url }}) {{ p.date | date_to_string }}{% endfor %}', '<p><a href="/blog/learn-react-js/">Learn React.js</a> 15 Feb 2019</p>'],
    ['site.tags', '{% for tag in site.tags %}{{ tag[0] }}: {{ tag[1].size }}{% endfor %}', '<p>react: 1</p>'],
    ['group_by, with each group\'s size as in Jekyll', '{% assign groups = site.data.links | group_by: "name" %}{% for group in groups %}{{ group.name }} ({{ group.size }}) {% endfor %}', '<p>Docs (1) Home (1)</p>'],
    ['site.data in a loop', '{% for link in site.data.links %}[{{ link.name }}]({{ link.url }}) {% endfor %}', '<p><a href="/docs/">Docs</a> <a href="https://example.com">Home</a></p>'],
  ])('%s', (_, markdown, expected) => {
    expect(html(markdown)).toBe(expected)
    expect(problems(markdown)).toEqual([])
  })

  it('has Jekyll’s filters', () => {
    expect(
      html('{{ "Hello World!" | slugify }} | {{ page.tags | array_to_sentence_string }} | {{ "a b c" | number_of_words }} | {{ page.tags | jsonify }} | {{ "<b>x</b>" | strip_html }} | {{ "2019-02-15" | date_to_xmlschema }} | {{ "a b" | cgi_escape }} | {{ "/a b" | uri_escape }} | {{ "/x" | absolute_url }}'),
    ).toBe('<p>hello-world | react and hooks | 3 | ["react","hooks"] | x | 2019-02-15T00:00:00+00:00 | a+b | /a%20b | <a href="https://blog.example/x">https://blog.example/x</a></p>')
  })
})

describe('includes', () => {
  it.each([
    ['a spoiler include fed by capture, with markdownify inside', '{% capture spoiler %}The butler **did** it.{% endcapture %}\n{% include spoiler.html title="Who?" content=spoiler %}\n\nAfter', '<details><summary>Who?</summary>\n<p>The butler <strong>did</strong> it.</p>\n</details>\n<p>After</p>'],
    ['a heading include', '{% include heading.html text="A section" %}\n\nText', '<h2 id="a-section">A section</h2>\n<p>Text</p>'],
    ['a list include with a title, fed by site.data', '{% include links.html title="Read more" %}', '<p><strong>Read more</strong></p>\n<ul>\n<li><a href="/docs/">Docs</a></li>\n<li><a href="https://example.com">Home</a></li>\n</ul>'],
    ['an include reading site.data by a parameter', 'By {% include author.html name="ann" role="editor" %}.', '<p>By <span class="author-author">Ann Lee (editor)</span>\n.</p>'],
    ['a theme button with every parameter left out but the link', '{% include elements/button.html link="/x" %}', '<p><a href="/x" class="button" data-element="button" data-button-style="outline-primary" data-button-size="md">Button</a></p>'],
    ['an include named by a variable', '{% include {{ page.heading_include }} text="Named" %}', '<h2 id="named">Named</h2>'],
    ['a YouTube playlist', '{% include elements/video.html id="videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG" %}', '<div data-element="video" data-video-list="PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG" class="video"><a href="https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG">Playlist on YouTube</a></div>'],
  ])('%s', (_, markdown, expected) => {
    expect(html(markdown)).toBe(expected)
    expect(problems(markdown)).toEqual([])
  })

  it('refuses include paths out of _includes', () => {
    expect(html('{% include ../../secret.txt %}')).toBe('')
    expect(problems('{% include ../../secret.txt %}')).toEqual([
      'posts/test.md:1:1: `{% include ../../secret.txt %}` must name a file inside _includes (no `..`, no absolute path); it was left out',
    ])
    expect(problems('{% include /etc/passwd %}')[0]).toMatch(/must name a file inside _includes/)
  })

  it('stops an include that includes itself, naming the place in the post', () => {
    expect(() => render('Intro\n\n{% include loop.html %}', options)).toThrow(
      'Includes nest more than 16 deep (`loop.html` includes itself?); the post stops here. Break the include cycle',
    )
    try {
      render('Intro\n\n{% include loop.html %}', options)
    } catch (error) {
      expect((error as { line: number; column: number }).line).toBe(3)
    }
  })
})

describe('what Jekyll would print as nothing, or stop on', () => {
  it('shows an unknown filter as written, with a warning', () => {
    expect(html('X {{ page.title | frobnicate }} Y')).toBe('<p>X {{ page.title | frobnicate }} Y</p>')
    expect(problems('X {{ page.title | frobnicate }} Y')).toEqual([
      'posts/test.md:1:3: Unknown Liquid filter `frobnicate` in `{{ page.title | frobnicate }}`; the output is shown as written. Remove the filter, or wrap the text in {% raw %}...{% endraw %}',
    ])
  })

  it('leaves out page-plugin tags and shows other unknown tags as written, with warnings', () => {
    const markdown = 'A {% seo %} B {% twitter_card x %} C'
    expect(html(markdown)).toBe('<p>A  B {% twitter_card x %} C</p>')
    expect(problems(markdown)).toEqual([
      "posts/test.md:1:3: `{% seo %}` (a Jekyll plugin's tag for the page around the post) was left out: the app makes that part of the page itself",
      'posts/test.md:1:15: Unknown Liquid tag `{% twitter_card x %}` is shown as written: it comes from a Jekyll plugin this app does not have. Remove it, or wrap it in {% raw %}...{% endraw %}',
    ])
  })

  it('leaves site.github empty with one warning', () => {
    const markdown = '{{ site.github.repository_url }} and {{ site.github.owner_name }}'
    expect(html(markdown)).toBe('<p>and</p>')
    expect(problems(markdown)).toHaveLength(1)
  })

  it('keeps code whose Liquid cannot be read as written, with a warning, and renders the rest', () => {
    const markdown = 'Text\n\n```liquid\n{% if x %}\nnever closed\n```\n\nAfter {{ page.title }}'
    expect(html(markdown)).toBe('<p>Text</p>\n<pre><code class="language-liquid">{% if x %}\nnever closed\n</code></pre>\n<p>After Post</p>')
    expect(problems(markdown)).toEqual([
      'posts/test.md:4:1: Liquid in this code cannot be read (tag {% if x %} not closed); the code is shown as written. Wrap it in {% raw %}...{% endraw %}',
    ])
  })

  it('renders Liquid inside code, and keeps undefined outputs there as written', () => {
    expect(html('Title: `{{ page.title }}`, thing: `{{ page.thing }}`')).toBe('<p>Title: <code>Post</code>, thing: <code>{{ page.thing }}</code></p>')
  })

  it('fails the post on an unclosed block outside code, naming its line', () => {
    expect(() => render('Intro\n\n{% if page.title %}\nnever closed', options)).toThrow(
      'Unclosed `{% if page.title %}` in `{% if page.title %}`: add `{% endif %}` after it, or wrap literal braces in {% raw %}...{% endraw %}',
    )
  })
})

describe('markdown after Liquid', () => {
  it('starts a heading on the line after a line ending in <br>, as kramdown does', () => {
    expect(html('<br>\n#### A heading\n\nMore')).toBe('<br>\n<h2 id="a-heading">A heading</h2>\n<p>More</p>')
    expect(html('```\n<br>\n# not a heading\n```')).toBe('<pre><code>&#x3C;br>\n# not a heading\n</code></pre>')
  })

  it('keeps <a name> anchors as link targets, never as `name`, and never shadowing the app', () => {
    expect(html('<a name="setup-steps"></a>Steps\n\n[Go](#setup-steps)')).toBe('<p><a id="setup-steps"></a>Steps</p>\n<p><a href="#setup-steps">Go</a></p>')
    // The heading has the id already; the anchor adds nothing.
    expect(html('<a name="setup"></a>\n## Setup')).toBe('<p><a></a></p>\n<h2 id="setup">Setup</h2>')
    expect(html('<a name="root">x</a> <a name="location">y</a>')).toBe('<p><a>x</a> <a>y</a></p>')
  })

  it('names the post’s own line in markdown-phase problems, after Liquid moved the lines', () => {
    const markdown = '{% capture items %}\none\ntwo\nthree\n{% endcapture %}\n{% include heading.html text="Links" %}\n\nSee <iframe src="https://evil.example/x"></iframe>'
    const result = render(markdown, options, page)
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]).toMatch(/^posts\/test\.md:8:5: /)
    // The blank line put before a heading after `<br>` moves no reported line either.
    expect(render('<br>\n#### H\n\n<iframe src="https://evil.example/x"></iframe>', options).problems[0]).toMatch(/^posts\/test\.md:4:1: /)
  })
})

describe('include_relative', () => {
  const siteDir = fileURLToPath(new URL('./__fixtures__/site', import.meta.url))
  const inSite: MarkdownOptions = { site: testSite({ siteDir }), media: { basePath: '/' } }

  it('reads a file of the site folder, relative to the post, with parameters', () => {
    expect(render('{% include_relative ../snippets/terms.md who="readers" %}', inSite).html).toBe('<p><em>Terms</em> apply to readers.</p>')
  })

  it('reads nothing outside the site folder, nor without one', () => {
    expect(render('{% include_relative ../../../../package.json %}', inSite).problems[0]).toMatch(/^posts\/test\.md:1:1: `\{% include_relative \.\.\/\.\.\/\.\.\/\.\.\/package\.json %\}` names no file inside the site folder; it was left out/)
    expect(render('{% include_relative ../snippets/terms.md %}').problems[0]).toMatch(/names no file inside the site folder \(set SITE_DIR to read one\)/)
  })
})

describe('limits', () => {
  it('stops a post whose Liquid would use too much memory, saying which limit', () => {
    expect(() => render('Intro\n\n{% for i in (1..2000000000) %}{{ i }}{% endfor %}', options)).toThrow(/^This post's Liquid went over a limit \(memory alloc limit exceeded/)
  })

  it('stops a post too long to read', () => {
    expect(() => render('a'.repeat(5_000_001), options)).toThrow('This post is 5000001 characters, more than the 5000000 Liquid reads in one post')
  })
})

describe('markdownify', () => {
  it('keeps blank lines inside code in what it outputs', () => {
    const markdown = '{% capture code %}\n```\na\n\nb\n```\n{% endcapture %}\n<div>{{ code | markdownify }}</div>'
    expect(html(markdown)).toBe('<div><pre><code>a\n\nb\n</code></pre></div>')
  })
})

describe('Liquid that cannot be read', () => {
  it.each([
    ['an output that is not an expression', 'Style: {{a: 1}} done', '<p>Style: {{a: 1}} done</p>', 'posts/test.md:1:8: Liquid cannot read `{{a: 1}}` (expected "|" before filter); it is shown as written. Fix it, or wrap it in {% raw %}...{% endraw %}'],
    ['an end tag without its block', 'Text {% endfor %} more', '<p>Text {% endfor %} more</p>', 'posts/test.md:1:6: Liquid cannot read `{% endfor %}` (tag "endfor" not found); it is shown as written. Fix it, or wrap it in {% raw %}...{% endraw %}'],
  ])('keeps %s as written, with a warning', (_, markdown, expected, problem) => {
    const result = render(markdown, options, page)
    expect(result.html).toBe(expected)
    expect(result.problems).toEqual([problem])
  })
})

describe('site settings a plugin would have made', () => {
  it('leaves a site setting _config.yml lacks empty, with a warning', () => {
    const result = render('Repo: {{ site.repository }}', options)
    expect(result.html).toBe('<p>Repo:</p>')
    expect(result.problems).toEqual([
      'posts/test.md:1:7: `{{ site.repository }}`: `site.repository` is not in _config.yml (a Jekyll plugin\'s data?); it is empty. Add it to _config.yml',
    ])
  })

  it('leaves out the theme’s GitHub edit footer without a warning', () => {
    expect(render('Text\n\n{% include elements/github-edit-footer.html %}', options)).toMatchObject({ html: '<p>Text</p>', problems: [] })
  })
})
