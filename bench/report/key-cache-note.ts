import type { VariantSummary } from '../harness/summarize-scenario'

/**
 * The auth scenario's reading aid: how many of the spread run's requests were key-cache misses
 * (each spread key's first use falls inside the measured window), and what one miss cost in
 * server CPU beyond the single-key run on the same 100k-key store.
 */
export function keyCacheNote(summaries: VariantSummary[], spreadKeys: number, durationMs: number): string | undefined {
  const single = summaries.find((summary) => summary.id === 'tollgate-100k')
  const spread = summaries.find((summary) => summary.id === 'tollgate-100k-spread')
  if (!single?.serverCpuMsPerRequest || !spread?.serverCpuMsPerRequest || !spread.requestsPerSecond) return undefined
  const requests = spread.requestsPerSecond * (durationMs / 1000)
  const misses = Math.min(spreadKeys, requests)
  const extraMs = ((spread.serverCpuMsPerRequest - single.serverCpuMsPerRequest) * requests) / misses
  return (
    `Spread run: ${Math.round(misses).toLocaleString('en-US')} key-cache misses in about ${Math.round(requests).toLocaleString('en-US')} measured requests per round ` +
    `(${((misses / requests) * 100).toFixed(0)}%); against the single-key run on the same 100k-key store that is ${extraMs >= 0 ? '+' : '−'}${Math.abs(extraMs * 1000).toFixed(0)} µs of server CPU per miss ` +
    "(a key's first use: the key and its account read from the store, new rate-limit buckets, billing's first spend row for the key). Medians over rounds; on a noisy machine a small figure is within the noise."
  )
}
