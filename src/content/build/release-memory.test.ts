import { expect, it } from 'vitest'
import { releaseMemory, releaseMemoryEvery } from './release-memory.ts'

const MB = 1024 * 1024

function allocateGarbage(): number {
  // ~80 MB of small objects that nothing keeps: what a build phase leaves behind.
  let kept = 0
  for (let round = 0; round < 20; round += 1) {
    const rows = Array.from({ length: 50_000 }, (_, index) => ({ index, text: `row ${index} of round ${round}` }))
    kept += rows.length
  }
  return kept
}

it('gives the garbage a phase left behind back at once', () => {
  releaseMemory()
  const before = process.memoryUsage().heapUsed
  expect(allocateGarbage()).toBe(1_000_000)
  releaseMemory()
  expect(process.memoryUsage().heapUsed - before).toBeLessThan(8 * MB)
})

it('collects once every so many steps of a loop', () => {
  const step = releaseMemoryEvery(3)
  const heapAfterStep: number[] = []
  for (let index = 0; index < 3; index += 1) {
    allocateGarbage()
    step()
    heapAfterStep.push(process.memoryUsage().heapUsed)
  }
  // The third step collected: the heap is smaller than after the first two, which did not.
  expect(heapAfterStep[2]!).toBeLessThan(heapAfterStep[1]! - 8 * MB)
})
