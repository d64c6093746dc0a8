import { describe, expect, test } from 'bun:test'
import { bindingState, rateLimitHeaders } from './rate-limit-headers'

const now = Date.UTC(2025, 7, 21, 12, 40, 0, 250)

describe('rateLimitHeaders', () => {
  test('OpenAI and generic headers on every dialect; reset as a Go duration and as Unix seconds', () => {
    expect(rateLimitHeaders({ dialect: 'openai-chat', now, requests: { limit: 3, remaining: 2, resetMs: 20_000 }, tokens: { limit: 40_000, remaining: 18_000, resetMs: 360_000 } })).toEqual({
      'x-ratelimit-limit-requests': '3',
      'x-ratelimit-remaining-requests': '2',
      'x-ratelimit-reset-requests': '20s',
      'x-ratelimit-limit-tokens': '40000',
      'x-ratelimit-remaining-tokens': '18000',
      'x-ratelimit-reset-tokens': '6m0s',
      'X-RateLimit-Limit': '3',
      'X-RateLimit-Remaining': '2',
      'X-RateLimit-Reset': String(Math.ceil((now + 20_000) / 1000)),
    })
  })

  test('Anthropic dialect adds anthropic-ratelimit-* with RFC 3339 reset times', () => {
    const headers = rateLimitHeaders({ dialect: 'anthropic-messages', now, requests: { limit: 50, remaining: 49, resetMs: 1200 }, tokens: { limit: 1000, remaining: 0, resetMs: 84_000 } })
    expect(headers['anthropic-ratelimit-requests-limit']).toBe('50')
    expect(headers['anthropic-ratelimit-requests-remaining']).toBe('49')
    expect(headers['anthropic-ratelimit-requests-reset']).toBe('2025-08-21T12:40:02Z')
    expect(headers['anthropic-ratelimit-tokens-limit']).toBe('1000')
    expect(headers['anthropic-ratelimit-tokens-remaining']).toBe('0')
    expect(headers['anthropic-ratelimit-tokens-reset']).toBe('2025-08-21T12:41:25Z')
    expect(headers['x-ratelimit-reset-tokens']).toBe('1m24s')
  })

  test('only the dimensions that are limited; generic headers fall back to tokens', () => {
    const headers = rateLimitHeaders({ dialect: 'gemini', now, tokens: { limit: 100, remaining: 40, resetMs: 36_000 } })
    expect(Object.keys(headers).sort()).toEqual(['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'x-ratelimit-limit-tokens', 'x-ratelimit-remaining-tokens', 'x-ratelimit-reset-tokens'])
    expect(headers['X-RateLimit-Limit']).toBe('100')
    expect(rateLimitHeaders({ dialect: 'openai-chat', now })).toEqual({})
  })
})

test('the binding bucket of a dimension is the one with the fewest units left', () => {
  const entries = [
    { dimension: 'requests' as const, state: { limit: 100, remaining: 90, resetMs: 6000 } },
    { dimension: 'requests' as const, state: { limit: 10, remaining: 5, resetMs: 30_000 } },
    { dimension: 'tokens' as const, state: { limit: 1000, remaining: 0, resetMs: 60_000 } },
    { dimension: 'requests' as const, state: { limit: 5, remaining: 5, resetMs: 0 } },
  ]
  expect(bindingState(entries, 'requests')).toEqual({ limit: 5, remaining: 5, resetMs: 0 })
  expect(bindingState(entries, 'tokens')).toEqual({ limit: 1000, remaining: 0, resetMs: 60_000 })
  expect(bindingState(entries, 'concurrency')).toBeUndefined()
})
