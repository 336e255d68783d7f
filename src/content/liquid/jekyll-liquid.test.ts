import { describe, expect, it } from 'vitest'
import { render, testOptions, testSite } from '../markdown/test-pipeline.ts'

describe('Liquid, then markdown: the theme highlight include', () => {
  it.each([
    [
      'inline at the start of a list item, as the seed post writes it',
      '1. {% include elements/highlight.html text="Set up regular check-ins" %} on a specific cadence.',
      '<ol>\n<li><mark>Set up regular check-ins</mark> on a specific cadence.</li>\n</ol>',
    ],
    [
      'with no space after the tag',
      'Be vulnerable and {% include elements/highlight.html text="share your challenges" %}with them.',
      '<p>Be vulnerable and <mark>share your challenges</mark>with them.</p>',
    ],
    [
      'two on one line',
      '{% include elements/highlight.html text="Invite them to" %}present to your {% include elements/highlight.html text="team meetings" %}, which helps',
      '<p><mark>Invite them to</mark>present to your <mark>team meetings</mark>, which helps</p>',
    ],
    [
      'with markdown and single quotes',
      "Always {% include elements/highlight.html text='ship **small** changes with *care*' %}.",
      '<p>Always <mark>ship <strong>small</strong> changes with <em>care</em></mark>.</p>',
    ],
    [
      'with HTML inside',
      '{% include elements/highlight.html text=\'read <a href="https://example.com">this</a>\' %}',
      '<p><mark>read <a href="https://example.com">this</a></mark></p>',
    ],
    [
      'inside a heading',
      '## Step one: {% include elements/highlight.html text="listen" %}',
      '<h2 id="step-one-listen">Step one: <mark>listen</mark></h2>',
    ],
    [
      'inside a table cell',
      '| Habit | Why |\n| --- | --- |\n| {% include elements/highlight.html text="1:1s" %} | trust |',
      '<table>\n<thead>\n<tr>\n<th>Habit</th>\n<th>Why</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><mark>1:1s</mark></td>\n<td>trust</td>\n</tr>\n</tbody>\n</table>',
    ],
    [
      'inside a block quote',
      '> Remember: {% include elements/highlight.html text="peers first" %}',
      '<blockquote>\n<p>Remember: <mark>peers first</mark></p>\n</blockquote>',
    ],
    [
      'as its own paragraph, with whitespace-trimming tags',
      '{%- include elements/highlight.html text="Alone" -%}',
      '<p><mark>Alone</mark></p>',
    ],
  ])('%s', (_, markdown, html) => {
    const result = render(markdown)
    expect(result.html).toBe(html)
    expect(result.problems).toEqual([])
  })
})

describe('Liquid, then markdown: other tags', () => {
  it('renders the figure include as a figure with its caption', () => {
    expect(render('{% include elements/figure.html image="/assets/a.png" caption="The “room”" %}').html).toBe(
      '<figure><img src="/assets/a.png" alt="The “room”" loading="lazy" decoding="async"><figcaption>The “room”</figcaption></figure>',
    )
  })

  it('shows raw blocks literally and removes comments', () => {
    expect(render('Use {% raw %}{{ page.title }}{% endraw %} in templates.').html).toBe('<p>Use {{ page.title }} in templates.</p>')
    expect(render('Before\n\n{% comment %}\nSecret *notes*\n\nstill secret\n{% endcomment %}\n\nAfter').html).toBe('<p>Before</p>\n<p>After</p>')
  })

  it('turns `{% highlight %}` into a code block, blank lines and braces kept', () => {
    expect(render('{% highlight js linenos %}\nconst a = { b: 1 }\n\nconsole.log(a)\n{% endhighlight %}').html).toBe(
      '<pre><code class="hljs language-js"><span class="hljs-keyword">const</span> a = { <span class="hljs-attr">b</span>: <span class="hljs-number">1</span> }\n\n<span class="hljs-variable language_">console</span>.<span class="hljs-title function_">log</span>(a)\n</code></pre>',
    )
  })

  it('resolves site.baseurl, relative_url and absolute_url', () => {
    const options = { site: testSite({ basePath: '/blog-root/' }), media: { basePath: '/blog-root/' } }
    expect(render('See {{ site.baseurl }}/about and {{ "/feed.xml" | absolute_url }}.', options).html).toBe(
      '<p>See /blog-root/about and <a href="https://blog.example/blog-root/feed.xml">https://blog.example/blog-root/feed.xml</a>.</p>',
    )
  })

  it('resolves post_url and link, also inside link destinations, as Jekyll runs Liquid first', () => {
    expect(render('[Learn]({% post_url 2019-02-15-learn-react-js %}) and [again]({% link _posts/2019-02-15-learn-react-js.md %})').html).toBe(
      '<p><a href="/blog/learn-react-js/">Learn</a> and <a href="/blog/learn-react-js/">again</a></p>',
    )
    expect(render('![Logo]({{ site.baseurl }}/assets/logo.png)').html).toBe('<p><img src="/assets/logo.png" alt="Logo" loading="lazy" decoding="async"></p>')
  })

  it('fails the post when post_url names no post, with its line', () => {
    expect(() => render('Intro\n\nSee [this]({% post_url 2001-01-01-gone %}).')).toThrow(
      '`{% post_url 2001-01-01-gone %}` names no post of this blog. Check the file name (`2019-02-15-my-post`, without `.md`)',
    )
  })

  it('renders a gist as a card that links to it, with no script', () => {
    expect(render('{% gist 9c4e2fe8a1b2 %}\n\n{% gist octocat/9c4e2fe8a1b2 hello.rb %}').html).toBe(
      '<p class="gist-card" data-element="gist"><a href="https://gist.github.com/9c4e2fe8a1b2">View the gist 9c4e2fe8a1b2 on GitHub</a></p>\n' +
        '<p class="gist-card" data-element="gist"><a href="https://gist.github.com/octocat/9c4e2fe8a1b2#file-hello-rb">View the gist hello.rb on GitHub</a></p>',
    )
  })

  it('renders only the branch of `if`/`else` that holds, and shows an undefined output as written with a warning', () => {
    const result = render('{% if page.show %}\nShown text\n{% else %}\nOther text\n{% endif %}\n\nValue: {{ page.nothing }}')
    expect(result.html).toBe('<p>Other text</p>\n<p>Value: {{ page.nothing }}</p>')
    expect(result.problems).toEqual([
      'posts/test.md:7:8: `{{ page.nothing }}`: `page.nothing` is not defined, so the output is shown as written. Define it in the front matter or _config.yml, or wrap the text in {% raw %}...{% endraw %}',
    ])
    expect(render('{% if page.show %}Shown{% else %}Other{% endif %}', testOptions, { show: true }).html).toBe('<p>Shown</p>')
  })

  it('shows what an include found nowhere was fed by capture, with a warning', () => {
    const result = render('{% capture spoiler %}\nThe butler **did** it.\n{% endcapture %}\n{% include spoil.html content=spoiler %}')
    expect(result.html).toBe('<p>The butler <strong>did</strong> it.</p>')
    // What a known include took (and captured inside itself) is not fed again.
    const after = render('{% capture list_items %}\nA,/a/\n{% endcapture %}\n{% include elements/list.html %}\n\n{% capture note %}Kept{% endcapture %}\n{% include note.html %}')
    expect(after.html).toBe('<div class="list-group"><ul><li><a href="/a/">A</a></li></ul></div>\n<p>Kept</p>')
    expect(result.problems).toEqual([
      "posts/test.md:4:1: Include `spoil.html` is neither in the site's _includes nor in the theme; it was left out and the text it was fed kept. Add _includes/spoil.html to the site",
    ])
  })

  it('does not take braces in code or JSX-like prose for Liquid', () => {
    expect(render('Write `{% raw %}` and {this.props.message}.\n\n```js\nconst s = `${name}`\n```').html).toBe(
      '<p>Write <code>{% raw %}</code> and {this.props.message}.</p>\n<pre><code class="hljs language-js"><span class="hljs-keyword">const</span> s = <span class="hljs-string">`<span class="hljs-subst">${name}</span>`</span>\n</code></pre>',
    )
  })

  it('fails the post on an unclosed tag, naming the line', () => {
    expect(() => render('Intro\n\nBroken {% include elements/highlight.html text="x"\n')).toThrow(
      'Unclosed `{%` in `{% include elements/highlight.html text="x"`: add the closing `%}`, or wrap literal braces in {% raw %}...{% endraw %}',
    )
  })
})

describe('Liquid, then markdown: what real posts get wrong or tricky', () => {
  it.each([
    ['a tag spread over lines at the end of a paragraph', 'a\n{% include elements/highlight.html\ntext="x" %}', '<p>a\n<mark>x</mark></p>'],
    ['a multi-line figure include', '{% include elements/figure.html\n   image="/a.png"\n   caption="A" %}\n\nNext', '<figure><img src="/a.png" alt="A" loading="lazy" decoding="async"><figcaption>A</figcaption></figure>\n<p>Next</p>'],
    ['a raw block with text after its end tag', '{% raw %}\nx\n{% endraw %}.', '<p>x\n.</p>'],
    ['the Liquid escape for braces', 'Write {{ "{{" }} page.title }}', '<p>Write {{ page.title }}</p>'],
    ['raw pairs inside code', 'Use `{% raw %}{{ x }}{% endraw %}` here.', '<p>Use <code>{{ x }}</code> here.</p>'],
    ['a filter inside a table cell', '| Site |\n| --- |\n| {{ site.title | escape }} |', '<table>\n<thead>\n<tr>\n<th>Site</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Test blog</td>\n</tr>\n</tbody>\n</table>'],
    ['escaped quotes in a parameter', '{% include elements/highlight.html text="He said \\"hi\\"" %}', '<p><mark>He said "hi"</mark></p>'],
    ['a captured variable as a parameter', '{% capture t %}Captured **text**{% endcapture %}\n\n{% include elements/highlight.html text=t %}', '<p><mark>Captured <strong>text</strong></mark></p>'],
  ])('%s', (_, markdown, html) => {
    expect(render(markdown).html).toBe(html)
  })

  it('reads runs of stray braces as text, and reports unclosed tags instead of scanning on', () => {
    expect(render('{x '.repeat(5_000)).html).toBe(`<p>${'{x '.repeat(5_000).trim()}</p>`)
    expect(() => render('{{'.repeat(5_000))).toThrow('Unclosed `{{`')
    expect(() => render('a {% raw %} b\n'.repeat(500))).toThrow('Unclosed `{%` in `{% raw %} b`')
  })
})
