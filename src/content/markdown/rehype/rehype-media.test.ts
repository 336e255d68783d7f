import { describe, expect, it } from 'vitest'
import { imageDimensions } from '../../site/image-dimensions.ts'
import { render, testOptions } from '../test-pipeline.ts'

const withPublic = { ...testOptions, media: { basePath: '/', dimensions: imageDimensions('public') } }

describe('rehype-media image sizes', () => {
  it('gives a local image its width and height from the file, and loads it lazily', () => {
    const { html } = render('![Peers](/assets/images/peer-focus.png)', withPublic)
    expect(html).toBe('<p><img src="/assets/images/peer-focus.png" alt="Peers" width="1200" height="800" loading="lazy" decoding="async"></p>')
  })

  it('keeps the aspect ratio of a width the author set', () => {
    const { html } = render('![Peers](/assets/images/peer-focus.png){: width="400" }', withPublic)
    expect(html).toContain('width="400"')
    expect(html).toContain('height="267"')
  })

  it('leaves remote and missing images without a size', () => {
    expect(render('![Remote](https://example.com/a.png)', withPublic).html).not.toContain('width=')
    expect(render('![Missing](/assets/images/none.png)', withPublic).html).not.toContain('width=')
  })
})
