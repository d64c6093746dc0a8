import { describe, expect, test } from 'bun:test'
import { retryDelay } from './retry-delay'
import { DEFAULT_RETRY_POLICY } from './routing-options'

const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 }

describe('retryDelay', () => {
  test('doubles on each retry; jitter spans the upper half', () => {
    expect([1, 2, 3].map((retry) => retryDelay(retry, policy, () => 0))).toEqual([50, 100, 200])
    expect([1, 2, 3].map((retry) => retryDelay(retry, policy, () => 1))).toEqual([100, 200, 400])
  })

  test('capped at maxDelayMs', () => {
    expect(retryDelay(10, policy, () => 1)).toBe(1000)
  })

  test("honours the upstream's Retry-After when it is longer than the backoff", () => {
    expect(retryDelay(1, policy, () => 1, 2)).toBe(2000)
    expect(retryDelay(1, policy, () => 1, 0)).toBe(100)
  })

  test('a Retry-After beyond the cap means: do not wait, try another deployment', () => {
    expect(retryDelay(1, policy, () => 1, 6)).toBeUndefined()
  })
})
