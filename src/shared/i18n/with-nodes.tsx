/**
 * A catalog text with elements put in (`Part 2 of 5 in the series {series}`, the series a link): the
 * words around each element stay the translator's, in the language's own order.
 */
import { Fragment, type ReactNode } from 'react'

export function withNodes(text: string, nodes: Record<string, ReactNode>): ReactNode[] {
  return text.split(/(\{\w+\})/).map((part, index) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1]
    return <Fragment key={index}>{name !== undefined && name in nodes ? nodes[name] : part}</Fragment>
  })
}
