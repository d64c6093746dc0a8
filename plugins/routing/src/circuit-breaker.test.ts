import { describe, expect, test } from 'bun:test'
import { acquirePermit, closedBreaker, isAvailable, recordResult, type BreakerState } from './circuit-breaker'
import { DEFAULT_BREAKER_POLICY, type BreakerPolicy } from './routing-options'

const policy: BreakerPolicy = { ...DEFAULT_BREAKER_POLICY, failureThreshold: 3, coolDownMs: 1000, probeTimeoutMs: 500 }

function fail(breaker: BreakerState, times: number, now = 0, rules = policy) {
  for (let i = 0; i < times; i++) breaker = recordResult(breaker, false, now, rules)
  return breaker
}

describe('circuit breaker', () => {
  test('stays closed below the threshold; a success resets the consecutive count', () => {
    const almost = fail(closedBreaker(), 2)
    expect(almost).toMatchObject({ state: 'closed', failures: 2 })
    const reset = recordResult(almost, true, 0, policy)
    expect(reset).toMatchObject({ state: 'closed', failures: 0 })
    expect(fail(reset, 2).state).toBe('closed')
  })

  test('opens after N consecutive failures and denies until the cool-down is over', () => {
    const opened = fail(closedBreaker(), 3, 10_000)
    expect(opened).toMatchObject({ state: 'open', retryAt: 11_000 })
    expect(acquirePermit(opened, 10_999, policy).permit).toBe('deny')
    expect(isAvailable(opened, 10_999)).toBe(false)
    expect(isAvailable(opened, 11_000)).toBe(true)
  })

  test('after the cool-down one probe goes (half-open); others are denied while it holds the lease', () => {
    const opened = fail(closedBreaker(), 3, 0)
    const probe = acquirePermit(opened, 1000, policy)
    expect(probe.permit).toBe('probe')
    expect(probe.breaker).toMatchObject({ state: 'half-open', probeUntil: 1500 })
    expect(acquirePermit(probe.breaker, 1200, policy).permit).toBe('deny')
    // A probe that never reported back (crashed instance) frees the lease when it expires.
    expect(acquirePermit(probe.breaker, 1500, policy).permit).toBe('probe')
  })

  test('a successful probe closes the breaker; a failed one reopens it for another cool-down', () => {
    const halfOpen = acquirePermit(fail(closedBreaker(), 3, 0), 1000, policy).breaker
    expect(recordResult(halfOpen, true, 1100, policy)).toEqual(closedBreaker())
    expect(recordResult(halfOpen, false, 1100, policy)).toMatchObject({ state: 'open', retryAt: 2100 })
  })

  test('a late failure while open does not extend the cool-down', () => {
    const opened = fail(closedBreaker(), 3, 0)
    expect(recordResult(opened, false, 900, policy)).toBe(opened)
  })

  test('failure rate: opens when the share of failures in the window reaches the rate, after the minimum calls', () => {
    const rated: BreakerPolicy = { ...policy, failureThreshold: 100, failureRate: 0.5, minimumCalls: 4, windowMs: 10_000 }
    let breaker = closedBreaker()
    for (const ok of [true, false, true]) breaker = recordResult(breaker, ok, 0, rated)
    expect(breaker).toMatchObject({ state: 'closed', windowCalls: 3, windowFailures: 1 })
    expect(recordResult(breaker, false, 0, rated).state).toBe('open')
    // A new window starts the count again.
    expect(recordResult(breaker, false, 10_000, rated)).toMatchObject({ state: 'closed', windowCalls: 1, windowFailures: 1 })
  })

  test('without a rate, successes on a healthy breaker change nothing (no write needed)', () => {
    const healthy = closedBreaker()
    expect(recordResult(healthy, true, 5, policy)).toBe(healthy)
    expect(acquirePermit(healthy, 5, policy).breaker).toBe(healthy)
  })
})
