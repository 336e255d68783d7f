import { describe, expect, it } from 'vitest'
import { median, medianDifference, percentile } from './stats.ts'

describe('median and percentile', () => {
  it('take the middle value, or the mean of the two middle ones, and the nearest rank', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(percentile([10, 20, 30, 40], 95)).toBe(40)
    expect(percentile([10, 20, 30, 40], 50)).toBe(20)
  })
})

describe('medianDifference', () => {
  it('is signed: a faster page is under the other, not over it', () => {
    expect(medianDifference([90, 90, 90], [100, 100, 100]).percent).toBeCloseTo(-10)
    expect(medianDifference([110, 110, 110], [100, 100, 100]).percent).toBeCloseTo(10)
  })

  it('gives no spread to samples that do not vary', () => {
    expect(medianDifference([110, 110, 110], [100, 100, 100])).toEqual({ percent: expect.closeTo(10) as number, low: expect.closeTo(10) as number, high: expect.closeTo(10) as number })
  })

  it('brackets the figure, and narrows as the loads grow', () => {
    const loads = (center: number, count: number) => Array.from({ length: count }, (_, index) => center + ((index * 37) % 101) - 50)
    const few = medianDifference(loads(400, 11), loads(380, 11))
    const many = medianDifference(loads(400, 99), loads(380, 99))
    for (const { percent, low, high } of [few, many]) {
      expect(low).toBeLessThanOrEqual(percent)
      expect(high).toBeGreaterThanOrEqual(percent)
    }
    expect(many.high - many.low).toBeLessThan(few.high - few.low)
  })

  it('gives the same interval for the same loads', () => {
    const a = [412, 388, 530, 296, 441, 365, 402]
    const b = [350, 420, 298, 380, 512, 333, 371]
    expect(medianDifference(a, b)).toEqual(medianDifference(a, b))
  })
})
