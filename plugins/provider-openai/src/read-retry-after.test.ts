import { expect, test } from 'bun:test'
import { parseResetDuration, readRetryAfter } from './read-retry-after'

test('parseResetDuration reads OpenAI reset durations', () => {
  expect(['1s', '6m0s', '20ms', '1h2m3.5s', '', null, 'soon'].map(parseResetDuration)).toEqual([1, 360, 0.02, 3723.5, undefined, undefined, undefined])
})

test('readRetryAfter: retry-after-ms, then retry-after (seconds or date), then the later reset', () => {
  const now = Date.parse('2025-01-01T00:00:00Z')
  expect(readRetryAfter(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(2)
  expect(readRetryAfter(new Headers({ 'retry-after': '9' }), now)).toBe(9)
  expect(readRetryAfter(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }), now)).toBe(30)
  expect(readRetryAfter(new Headers({ 'x-ratelimit-reset-requests': '2s', 'x-ratelimit-reset-tokens': '6m0s' }), now)).toBe(360)
  expect(readRetryAfter(new Headers(), now)).toBeUndefined()
})
