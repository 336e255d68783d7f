/**
 * The mdast node our plugins create for theme elements: `data.hName`/`data.hProperties` tell
 * mdast-util-to-hast which HTML element it becomes, and the app maps that element to a component.
 */
import type { Data, Parent, PhrasingContent } from 'mdast'
import type { Properties } from 'hast'

export interface ElementNode extends Parent {
  type: 'liquidElement'
  data: Data & { hName: string; hProperties: Properties }
  children: Array<PhrasingContent | ElementNode>
}

declare module 'mdast' {
  interface PhrasingContentMap {
    liquidElement: ElementNode
  }
  interface BlockContentMap {
    liquidElement: ElementNode
  }
  interface RootContentMap {
    liquidElement: ElementNode
  }
}

export function elementNode(
  hName: string,
  hProperties: Properties,
  children: Array<PhrasingContent | ElementNode>,
): ElementNode {
  return { type: 'liquidElement', data: { hName, hProperties }, children }
}
