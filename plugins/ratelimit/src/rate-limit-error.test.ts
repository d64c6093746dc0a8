import { expect, test } from 'bun:test'
import { limiterUnavailableError, rateLimitError } from './rate-limit-error'
import type { LimitCheck } from './resolve-limit-checks'

const check = (overrides: Partial<LimitCheck>): LimitCheck => ({ kind: 'rate', id: 'x', limit: 3, cost: 1, scope: 'key', dimension: 'requests', source: 'key', ...overrides })

test('429 rate_limit_exceeded naming each limit hit, with Retry-After from the store', () => {
  const error = rateLimitError([check({}), check({ scope: 'model', pattern: 'openai/*', dimension: 'tokens', limit: 500 })], 20_500)
  expect(error.toJSON()).toEqual({
    status: 429,
    type: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    param: null,
    retryAfter: 20.5,
    message: "Rate limit reached: requests per minute for this key (limit 3); tokens per minute for this key and model 'openai/*' (limit 500). Try again in 20.5s.",
  })
})

test('a concurrency refusal says to wait for a request to finish', () => {
  const error = rateLimitError([check({ kind: 'concurrency', scope: 'account', dimension: 'concurrency', limit: 2 })], 1000)
  expect(error.message).toBe('Rate limit reached: concurrent requests for this account (limit 2). Try again when one of them finishes.')
  expect(error.retryAfter).toBe(1)
})

test('503 rate_limiter_unavailable while the store is down (closed policy)', () => {
  expect(limiterUnavailableError(200).toJSON()).toMatchObject({ status: 503, type: 'api_error', code: 'rate_limiter_unavailable', retryAfter: 1 })
})
