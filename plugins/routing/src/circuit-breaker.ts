import type { BreakerPolicy } from './routing-options'

/**
 * The breaker of one deployment, as plain data (so it can live in Redis as JSON).
 * closed → (N consecutive failures, or the failure rate) → open → (cool-down) → half-open:
 * one probe at a time → success closes, failure reopens for another cool-down.
 */
export interface BreakerState {
  state: 'closed' | 'open' | 'half-open'
  /** Consecutive failures. */
  failures: number
  /** Fixed window of the failure rate (only counted when a rate is configured). */
  windowStart: number
  windowCalls: number
  windowFailures: number
  /** Open: when a probe may go (Unix ms). */
  retryAt: number
  /** Half-open: until when the current probe holds its lease (Unix ms). */
  probeUntil: number
}

/** What an attempt may do: go, go as the half-open probe, or stay away. */
export type Permit = 'allow' | 'probe' | 'deny'

export const closedBreaker = (): BreakerState => ({ state: 'closed', failures: 0, windowStart: 0, windowCalls: 0, windowFailures: 0, retryAt: 0, probeUntil: 0 })

/** Whether an attempt would be let through now (closed, cool-down over, or an expired probe lease). */
export function isAvailable(breaker: BreakerState, now: number): boolean {
  if (breaker.state === 'closed') return true
  if (breaker.state === 'open') return now >= breaker.retryAt
  return now >= breaker.probeUntil
}

/** Ask to send an attempt. An open breaker whose cool-down is over turns half-open and lends the probe. */
export function acquirePermit(breaker: BreakerState, now: number, policy: BreakerPolicy): { breaker: BreakerState; permit: Permit } {
  if (breaker.state === 'closed') return { breaker, permit: 'allow' }
  if (!isAvailable(breaker, now)) return { breaker, permit: 'deny' }
  return { breaker: { ...breaker, state: 'half-open', probeUntil: now + policy.probeTimeoutMs }, permit: 'probe' }
}

function countInWindow(breaker: BreakerState, failed: boolean, now: number, policy: BreakerPolicy): BreakerState {
  if (policy.failureRate === undefined) return breaker
  const fresh = now - breaker.windowStart >= policy.windowMs
  return {
    ...breaker,
    windowStart: fresh ? now : breaker.windowStart,
    windowCalls: (fresh ? 0 : breaker.windowCalls) + 1,
    windowFailures: (fresh ? 0 : breaker.windowFailures) + (failed ? 1 : 0),
  }
}

const open = (now: number, policy: BreakerPolicy): BreakerState => ({ ...closedBreaker(), state: 'open', retryAt: now + policy.coolDownMs })

/** Record how an attempt went. */
export function recordResult(breaker: BreakerState, success: boolean, now: number, policy: BreakerPolicy): BreakerState {
  if (success) {
    if (breaker.state !== 'closed') return closedBreaker()
    return breaker.failures === 0 && policy.failureRate === undefined ? breaker : countInWindow({ ...breaker, failures: 0 }, false, now, policy)
  }
  if (breaker.state === 'half-open') return open(now, policy)
  // A straggler that failed after the breaker opened does not extend the cool-down.
  if (breaker.state === 'open') return breaker
  const counted = countInWindow({ ...breaker, failures: breaker.failures + 1 }, true, now, policy)
  const rateTripped =
    policy.failureRate !== undefined && counted.windowCalls >= policy.minimumCalls && counted.windowFailures / counted.windowCalls >= policy.failureRate
  return counted.failures >= policy.failureThreshold || rateTripped ? open(now, policy) : counted
}
