/**
 * mdast-util-from-markdown extension: turns `liquidTag`/`liquidBlock` tokens into `liquid` nodes that keep
 * the markup verbatim (`value`) and whether it stood as a block. `remark-liquid` interprets them.
 */
import type { Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown'
import type { Literal } from 'mdast'

export interface Liquid extends Literal {
  type: 'liquid'
  /** The markup exactly as written, from `{%`/`{{` to the closing `%}`/`}}` (of the end tag for pairs). */
  value: string
  block: boolean
}

declare module 'mdast' {
  interface PhrasingContentMap {
    liquid: Liquid
  }
  interface BlockContentMap {
    liquid: Liquid
  }
  interface RootContentMap {
    liquid: Liquid
  }
}

export function liquidFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      liquidTag(token: Token) {
        this.enter({ type: 'liquid', value: '', block: false }, token)
      },
      liquidBlock(token: Token) {
        this.enter({ type: 'liquid', value: '', block: true }, token)
      },
    },
    exit: {
      liquidTag: exitLiquid,
      liquidBlock: exitLiquid,
    },
  }
}

function exitLiquid(this: ThisParameterType<NonNullable<FromMarkdownExtension['exit']>[string]>, token: Token) {
  const node = this.stack[this.stack.length - 1] as unknown as Liquid
  node.value = this.sliceSerialize(token)
  this.exit(token)
}
