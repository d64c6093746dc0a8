import { describe, expect, test } from 'bun:test'
import { anthropicErrorStatus, toAnthropicErrorType } from './map-anthropic-error-type'

describe('Anthropic error types', () => {
  test('status Anthropic pairs with each error type', () => {
    expect(['invalid_request_error', 'authentication_error', 'rate_limit_error', 'overloaded_error', 'api_error', 'timeout_error', 'unknown', undefined].map(anthropicErrorStatus)).toEqual([
      400, 401, 429, 529, 500, 504, 500, 500,
    ])
  })

  test('gateway types map onto Anthropic types; upstream_error → api_error, or overloaded_error on 503', () => {
    expect(toAnthropicErrorType('rate_limit_error', 429)).toBe('rate_limit_error')
    expect(toAnthropicErrorType('upstream_error', 502)).toBe('api_error')
    expect(toAnthropicErrorType('upstream_error', 503)).toBe('overloaded_error')
    expect(toAnthropicErrorType('overloaded_error', 503)).toBe('overloaded_error')
    expect(toAnthropicErrorType(undefined, 413)).toBe('request_too_large')
    expect(toAnthropicErrorType(undefined, 502)).toBe('api_error')
  })
})
