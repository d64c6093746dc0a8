import type { RetryPolicy } from './routing-options'

/**
 * How long to wait before retry number `retry` (1 = the first retry) on the same deployment:
 * exponential backoff with "equal jitter" (half fixed, half random), or the upstream's
 * Retry-After when longer. A Retry-After beyond `maxRetryAfterMs` returns undefined: do not wait
 * for this deployment, try the next one.
 */
export function retryDelay(retry: number, policy: RetryPolicy, random: () => number, retryAfterSeconds?: number): number | undefined {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1))
  const jittered = exponential / 2 + random() * (exponential / 2)
  if (retryAfterSeconds === undefined) return jittered
  const requested = retryAfterSeconds * 1000
  if (requested > policy.maxRetryAfterMs) return undefined
  return Math.max(jittered, requested)
}
