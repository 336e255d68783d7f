import { describe, expect, it } from 'vitest'
import { outputPath } from './output-file.ts'

describe('outputPath', () => {
  it('keeps a path inside the build folder', () => {
    expect(outputPath('/tmp/dist', '/cv/index.html')).toBe('/tmp/dist/cv/index.html')
  })

  it.each(['../etc/passwd', '/../../x.html', 'a/../../x', ''])('refuses %j', (file) => {
    expect(() => outputPath('/tmp/dist', file)).toThrow(/outside the build folder/)
  })
})
