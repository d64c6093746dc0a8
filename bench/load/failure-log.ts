import type { FailureSummary } from './load-protocol'

/** Counts failed requests and keeps the first few distinct reasons. */
export function createFailureLog(maxSamples = 3) {
  const summary: FailureSummary = { count: 0, samples: [] }
  return {
    record(reason: string) {
      summary.count++
      const sample = reason.slice(0, 400)
      if (summary.samples.length < maxSamples && !summary.samples.includes(sample)) summary.samples.push(sample)
    },
    summary,
  }
}
