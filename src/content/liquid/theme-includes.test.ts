import { describe, expect, it } from 'vitest'
import { render } from '../markdown/test-pipeline.ts'

describe('theme elements', () => {
  it('renders the corpus figure: image, alt from the caption, caption with curly quotes', () => {
    expect(render('{% include elements/figure.html image="https://cdn.example/a.png" caption="We’ve moved “closer”." %}').html).toBe(
      '<figure><img src="https://cdn.example/a.png" alt="We’ve moved “closer”." loading="lazy" decoding="async"><figcaption>We’ve moved “closer”.</figcaption></figure>',
    )
  })

  it('renders two figures on consecutive lines as two figures', () => {
    const { html } = render('{% include elements/figure.html image="/a.png" caption="iOS" %}\n{% include elements/figure.html image="/b.png" caption="Android" %}')
    expect(html.match(/<figure>/g)).toHaveLength(2)
    expect(html).toContain('<figcaption>iOS</figcaption>')
    expect(html).toContain('<figcaption>Android</figcaption>')
  })

  it('renders a button as a styled link', () => {
    expect(render('{% include elements/button.html link="https://example.com" text="Read **more**" style="primary" size="lg" block=true %}').html).toBe(
      '<p><a href="https://example.com" class="button" data-element="button" data-button-style="primary" data-button-size="lg" data-button-block="true">Read <strong>more</strong></a></p>',
    )
    expect(render('{% include elements/button.html %}').html).toBe(
      '<p><a href="#" class="button" data-element="button" data-button-style="outline-primary" data-button-size="md">Button</a></p>',
    )
  })

  it('renders a video as a link to YouTube that the app turns into a player', () => {
    const video = '<div data-element="video" data-video-id="dQw4w9WgXcQ" class="video"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Video on YouTube</a></div>'
    expect(render('{% include elements/video.html id="dQw4w9WgXcQ" %}').html).toBe(video)
    // Sites renamed the parameter; the include still works.
    expect(render('{% include elements/video.html video_ids="dQw4w9WgXcQ" %}').html).toBe(video)
    expect(render('{% include elements/video.html id="javascript:alert(1)" %}').problems[0]).toMatch(/needs a YouTube id/)
  })

  it('renders a list of links from `capture list_items`', () => {
    const markdown = '{% capture list_items %}\nGitHub,https://github.com\nDocs,/docs/\n{% endcapture %}\n{% include elements/list.html title="Links" %}'
    expect(render(markdown).html).toBe(
      '<div class="list-group"><p class="list-group-title">Links</p><ul><li><a href="https://github.com">GitHub</a></li><li><a href="/docs/">Docs</a></li></ul></div>',
    )
  })

  it('renders a toc list as links to the headings', () => {
    const markdown = '{% capture list_items %}\nGetting Started\nWhat’s next?\n{% endcapture %}\n{% include elements/list.html type="toc" %}\n\n## Getting Started\n\n## What’s next?'
    expect(render(markdown).html).toBe(
      '<nav class="list-group" aria-label="Contents"><ul><li><a href="#getting-started">Getting Started</a></li><li><a href="#whats-next">What’s next?</a></li></ul></nav>\n<h2 id="getting-started">Getting Started</h2>\n<h2 id="whats-next">What’s next?</h2>',
    )
  })

  it('renders a carousel from `capture carousel_images`, blank lines skipped', () => {
    const markdown = '{% capture carousel_images %}\n/assets/one.png\n\n/assets/two.png\n{% endcapture %}\n{% include elements/carousel.html %}'
    expect(render(markdown).html).toBe(
      '<div data-element="carousel" class="carousel"><ul><li><img src="/assets/one.png" alt="Image 1 of 2" loading="lazy" decoding="async"></li><li><img src="/assets/two.png" alt="Image 2 of 2" loading="lazy" decoding="async"></li></ul></div>',
    )
  })
})
