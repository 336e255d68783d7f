import { describe, expect, it } from 'vitest'
import type { Element, ElementContent, Properties, Root } from 'hast'
import { eachElement, someElement } from './hast-walk.ts'

function h(tagName: string, ...rest: Array<Properties | string | Array<ElementContent | string>>): Element {
  const properties = rest.find((each): each is Properties => typeof each === 'object' && !Array.isArray(each)) ?? {}
  const content = rest.find((each) => typeof each === 'string' || Array.isArray(each)) ?? []
  const children = (typeof content === 'string' ? [content] : (content as Array<ElementContent | string>)).map((child) => (typeof child === 'string' ? { type: 'text' as const, value: child } : child))
  return { type: 'element', tagName, properties, children }
}

const tree = (): Root => ({
  type: 'root',
  children: [
    h('h2', 'Peers'),
    { type: 'text', value: '\n' },
    h('blockquote', [h('p', ['Listen ', h('mark', 'first'), '.'])]),
    h('p', [h('iframe', { src: 'https://example.com/ad' }), h('img', { src: '/a.png' })]),
  ],
})

describe('eachElement', () => {
  it('visits every element once, before its children, in document order, with its index and parent', () => {
    const root = tree()
    const seen: string[] = []
    eachElement(root, (node, index, parent) => {
      expect(parent.children[index]).toBe(node)
      seen.push(node.tagName)
    })
    expect(seen).toEqual(['h2', 'blockquote', 'p', 'mark', 'p', 'iframe', 'img'])
  })

  it('gives the ancestors from the tree down to the parent', () => {
    const root = tree()
    let chain: string[] = []
    eachElement(root, (node, _index, _parent, ancestors) => {
      if (node.tagName === 'mark') chain = ancestors.map((each) => (each.type === 'root' ? 'root' : each.tagName))
    })
    expect(chain).toEqual(['root', 'blockquote', 'p'])
  })

  it('goes on with the next sibling when the visitor removes the element, and into children the visitor added', () => {
    const root = tree()
    const seen: string[] = []
    eachElement(root, (node, index, parent) => {
      seen.push(node.tagName)
      if (node.tagName === 'iframe') parent.children.splice(index, 1)
      if (node.tagName === 'h2') node.children.push(h('a', { href: '#peers' }))
    })
    expect(seen).toEqual(['h2', 'a', 'blockquote', 'p', 'mark', 'p', 'iframe', 'img'])
    expect((root.children[3] as Element).children.map((child) => (child as Element).tagName)).toEqual(['img'])
  })
})

describe('someElement', () => {
  it('finds an element at any depth and stops at the first', () => {
    const root = tree()
    const tested: string[] = []
    expect(someElement(root, (node) => (tested.push(node.tagName), node.tagName === 'mark'))).toBe(true)
    expect(tested).toEqual(['h2', 'blockquote', 'p', 'mark'])
    expect(someElement(root, (node) => node.tagName === 'video')).toBe(false)
  })
})
