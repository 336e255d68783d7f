/**
 * The post body renderer against the one it replaced, `hast-util-to-jsx-runtime` (react-markdown's):
 * every post of the sample posts, the fixture blog and the portfolYOU corpus must give the exact same
 * HTML, with and without the app's components; then the cases those posts may not hold.
 */
import { describe, expect, it } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { toJsxRuntime, type Components as JsxRuntimeComponents } from 'hast-util-to-jsx-runtime'
import type { Element, Root } from 'hast'
import { MemoryRouter } from 'react-router'
import { loadPost } from '../content/post/load-post.ts'
import { createPostPipeline } from '../content/markdown/render-markdown.ts'
import { readJekyllSite } from '../content/site/read-site.ts'
import { isPostFile } from '../content/post/file-name.ts'
import { testOptions } from '../content/markdown/test-pipeline.ts'
import { sanitizeSchema } from '../content/markdown/sanitize-schema.ts'
import { renderHast, toProps } from './render-hast.ts'
import { markdownComponents } from './components.tsx'
import { PostContext } from './post-context.ts'

type Sources = Record<string, string>

// The corpus is there when `../shared` is beside the project, as for the end-to-end tests.
const FOLDERS: Record<string, { folder: string; sources: Sources }> = {
  'the sample posts': { folder: 'posts', sources: import.meta.glob<string>('../../posts/**/*.md', { query: '?raw', import: 'default', eager: true }) },
  'the fixture blog': { folder: 'e2e/fixtures/jekyll-blog/_posts', sources: import.meta.glob<string>('../../e2e/fixtures/jekyll-blog/_posts/**/*.md', { query: '?raw', import: 'default', eager: true }) },
  'the portfolYOU corpus': { folder: '../shared/corpus/portfolyou', sources: import.meta.glob<string>('../../../shared/corpus/portfolyou/**/*.md', { query: '?raw', import: 'default', eager: true }) },
}

/** Every post of a folder, as the build reads it (`{% post_url %}` resolves within the folder). */
function loadFolder(folder: string, sources: Sources): Array<{ file: string; body: Root }> {
  const files = Object.keys(sources).filter((path) => isPostFile(path.split('/').at(-1) ?? ''))
  const { documents } = readJekyllSite({ postsDir: folder, drafts: false })
  const pipeline = createPostPipeline({ ...testOptions, site: { ...testOptions.site, documents } })
  return files.map((file) => ({ file, body: loadPost(file, sources[file]!, pipeline).body }))
}

/** Both renderers inside what a post page gives them (a router for links, the post for passage links). */
function markup(node: React.ReactNode): string {
  return renderToStaticMarkup(
    <MemoryRouter>
      <PostContext.Provider value={{ slug: 'a-post', title: 'A post' }}>{node}</PostContext.Provider>
    </MemoryRouter>,
  )
}

const reference = (tree: Root, components: JsxRuntimeComponents = {}) =>
  markup(toJsxRuntime(tree, { Fragment, jsx, jsxs, components, passKeys: true }))

const ours = (tree: Root, withComponents: boolean) => markup(renderHast(tree, withComponents ? markdownComponents : {}))

for (const [name, { folder, sources }] of Object.entries(FOLDERS)) {
  describe.runIf(Object.keys(sources).length > 0)(`every post of ${name}`, () => {
    const posts = loadFolder(folder, sources)

    it('has posts with bodies', () => {
      expect(posts.filter((post) => post.body.children.length > 0).length).toBeGreaterThan(0)
    })

    it.each(posts.map((post) => [post.file, post.body] as const))('renders %s as hast-util-to-jsx-runtime does', (_, body) => {
      expect(ours(body, false)).toBe(reference(body))
      expect(ours(body, true)).toBe(reference(body, markdownComponents as JsxRuntimeComponents))
    })
  })
}

const element = (tagName: string, properties: Element['properties'], children: Element['children'] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
})
const root = (...children: Root['children']): Root => ({ type: 'root', children })

describe('renderHast', () => {
  it('names every property the sanitize schema allows as hast-util-to-jsx-runtime does', () => {
    const names = new Set(Object.values(sanitizeSchema.attributes ?? {}).flatMap((definitions) => definitions.map((definition) => (Array.isArray(definition) ? definition[0] : definition))))
    expect(names.size).toBeGreaterThan(50)
    for (const name of names) {
      for (const value of ['x', ['a', 'b'], 3, true]) {
        const properties = { [name]: value }
        const expected = (toJsxRuntime(element('span', properties), { Fragment, jsx, jsxs }) as React.ReactElement<Record<string, unknown>>).props
        expect(toProps('span', properties), name).toEqual(expected)
      }
    }
  })

  it('gives the same markup for table alignment, whitespace in tables, lists, booleans and empty values', () => {
    const tree = root(
      element('table', {}, [
        { type: 'text', value: '\n' },
        element('tbody', {}, [
          { type: 'text', value: '\n  ' },
          element('tr', {}, [
            element('th', { align: 'center', scope: 'col' }, [{ type: 'text', value: 'a' }]),
            { type: 'text', value: ' ' },
            element('td', { align: 'right', colSpan: 2 }, [{ type: 'text', value: ' b ' }]),
            element('td', { align: '' }, []),
          ]),
        ]),
      ]),
      element('input', { type: 'checkbox', checked: true, disabled: true }),
      element('img', { src: 'a.png', alt: '', width: 400, height: Number.NaN, title: undefined, srcSet: 'a.png 1x, b.png 2x', loading: 'lazy' }),
      element('a', { href: '#x', rel: ['noopener', 'noreferrer'], ariaDescribedBy: ['x', 'y'], dataFootnoteRef: true, className: [] }, [
        { type: 'text', value: 'one' },
        { type: 'text', value: 'two' },
      ]),
      element('area', { coords: [1, 2, 3] }),
      element('ol', { start: 3, reversed: false }, [element('li', {}, [{ type: 'text', value: 'x' }]), element('li', {}, [])]),
      { type: 'comment', value: 'never shown' },
    )
    expect(ours(tree, false)).toBe(reference(tree))
    expect(ours(tree, true)).toBe(reference(tree, markdownComponents as JsxRuntimeComponents))
  })

  it('renders an empty body as nothing', () => {
    expect(ours(root(), true)).toBe('')
  })

  it('keys children by tag name and position, as hast-util-to-jsx-runtime does', () => {
    const rendered = renderHast(root(element('p', {}, [element('em', {}), { type: 'text', value: 'x' }, element('em', {}), element('b', {})]))) as React.ReactElement<{
      children: React.ReactElement<{ children: Array<React.ReactElement | string> }>
    }>
    const paragraph = rendered.props.children
    expect(paragraph.key).toBe('p-0')
    expect(paragraph.props.children.map((child) => (typeof child === 'string' ? child : child.key))).toEqual(['em-0', 'x', 'em-1', 'b-0'])
  })

  it('renders no property a sanitized tree cannot hold, and no element it never lets through', () => {
    const hostile = root(
      element('p', {
        id: 'x',
        dangerouslySetInnerHTML: { __html: '<img src=x onerror=alert(1)>' } as unknown as string,
        onClick: 'alert(1)',
        style: { position: 'fixed' } as unknown as string,
        ref: 'r',
        suppressHydrationWarning: true,
        title: { toString: 'x' } as unknown as string,
      }, [{ type: 'text', value: 'kept' }]),
      element('script', {}, [{ type: 'text', value: 'alert(1)' }]),
      element('base', { href: 'https://evil.example.com/' }),
      element('x-widget', {}),
    )
    expect(ours(hostile, true)).toBe('<p id="x">kept</p>')
  })
})
