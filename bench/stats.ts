/** Small statistics shared by the measurements: medians and nearest-rank percentiles. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * How much `a`'s median is over `b`'s, in percent (negative when it is under), with a percentile
 * bootstrap interval: each sample drawn again with replacement, `resamples` times, the two samples
 * independently (their loads are separate page loads). A seeded generator, so one set of loads always
 * gives the same interval.
 *
 * The interval says how far the figure could move with other loads of the same pages: at 11 loads a
 * page, one load of FCP varying by ±100 ms, the post's JS vs no-JS difference moved from +0.5 to +11 %
 * between runs of one build (docs/bench-stop-24.md).
 */
export function medianDifference(a: number[], b: number[], { confidence = 0.95, resamples = 2000, seed = 1 } = {}): { percent: number; low: number; high: number } {
  const percent = (x: number[], y: number[]) => (median(x) / median(y) - 1) * 100
  if (a.length === 0 || b.length === 0) return { percent: Number.NaN, low: Number.NaN, high: Number.NaN }
  const next = seededRandom(seed)
  const draw = (values: number[]) => values.map(() => values[Math.floor(next() * values.length)]!)
  const differences = Array.from({ length: resamples }, () => percent(draw(a), draw(b)))
  const tail = ((1 - confidence) / 2) * 100
  return { percent: percent(a, b), low: percentile(differences, tail), high: percentile(differences, 100 - tail) }
}

/** mulberry32: small, seeded, the same numbers on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}
