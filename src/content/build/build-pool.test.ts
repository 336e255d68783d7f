import { describe, expect, it } from 'vitest'
import { BUILD_POSTS_PER_WORKER, poolSize } from './build-pool.ts'

describe("the build's workers", () => {
  it('are one up to 2,500 posts, whatever the cores: a second one would cost its warm-up in CPU', () => {
    expect(poolSize(1, BUILD_POSTS_PER_WORKER, 2)).toBe(1)
    expect(poolSize(1000, BUILD_POSTS_PER_WORKER, 2)).toBe(1)
    expect(poolSize(2500, BUILD_POSTS_PER_WORKER, 16)).toBe(1)
  })

  it('grow with the posts, one for each 2,500, up to one per core and eight', () => {
    expect(poolSize(2501, BUILD_POSTS_PER_WORKER, 16)).toBe(2)
    expect(poolSize(10_000, BUILD_POSTS_PER_WORKER, 2)).toBe(2)
    expect(poolSize(10_000, BUILD_POSTS_PER_WORKER, 16)).toBe(4)
    expect(poolSize(100_000, BUILD_POSTS_PER_WORKER, 16)).toBe(8)
  })

  it('are at least one for an empty blog', () => {
    expect(poolSize(0, BUILD_POSTS_PER_WORKER, 2)).toBe(1)
  })
})
