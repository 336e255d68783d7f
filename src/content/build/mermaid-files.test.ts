import { describe, expect, it } from 'vitest'
import { asJs } from './mermaid-files.ts'

describe("Mermaid's own files, copied as .js", () => {
  it('points its imports of its own chunks at the .js names, static and dynamic', () => {
    const source = 'import{a as Qt}from"./chunks/mermaid.esm.min/chunk-IJBDOHL6.mjs";import"./chunk-4CAJECRU.mjs";const f=()=>import(\'./flowDiagram-YHGXBVSY.mjs\')'
    expect(asJs(source)).toBe('import{a as Qt}from"./chunks/mermaid.esm.min/chunk-IJBDOHL6.js";import"./chunk-4CAJECRU.js";const f=()=>import(\'./flowDiagram-YHGXBVSY.js\')')
  })

  it('leaves text that is not an import of a relative file alone', () => {
    expect(asJs('const label = "notes.mjs is a file name"; fetch("https://x.test/a.mjs")')).toBe('const label = "notes.mjs is a file name"; fetch("https://x.test/a.mjs")')
  })
})
