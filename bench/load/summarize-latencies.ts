/** Latency distribution in milliseconds. */
export interface LatencySummary {
  count: number
  mean: number
  p50: number
  p90: number
  p99: number
  max: number
}

/** Percentiles by nearest rank over all samples (no histogram rounding). */
export function summarizeLatencies(samples: number[]): LatencySummary | undefined {
  if (samples.length === 0) return undefined
  const sorted = Float64Array.from(samples).sort()
  const rank = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)]
  let total = 0
  for (const sample of sorted) total += sample
  return { count: sorted.length, mean: total / sorted.length, p50: rank(0.5), p90: rank(0.9), p99: rank(0.99), max: sorted[sorted.length - 1] }
}
