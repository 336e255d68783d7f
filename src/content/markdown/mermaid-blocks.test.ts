import { describe, expect, it } from 'vitest'
import { render } from './test-pipeline.ts'
import { hasMermaidDiagram } from './mermaid-blocks.ts'

describe('hasMermaidDiagram', () => {
  it('finds a mermaid fence, with ``` or ~~~', () => {
    expect(hasMermaidDiagram(render('Intro\n\n```mermaid\ngraph TD; A-->B\n```\n').tree)).toBe(true)
    expect(hasMermaidDiagram(render('~~~mermaid\nsequenceDiagram\n~~~\n').tree)).toBe(true)
  })

  it('is false for other code and for the word in prose or inline code', () => {
    expect(hasMermaidDiagram(render('Mermaid diagrams, `mermaid`.\n\n```js\nconst mermaid = 1\n```\n').tree)).toBe(false)
  })
})
