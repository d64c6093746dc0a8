import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { renderAnthropicError } from './render-anthropic-error'

describe('renderAnthropicError', () => {
  test('Anthropic error envelope with the gateway status', () => {
    expect(renderAnthropicError(new GatewayError({ status: 400, message: 'messages: bad', param: 'messages' }))).toEqual({
      status: 400,
      body: { type: 'error', error: { type: 'invalid_request_error', message: 'messages: bad' } },
    })
  })

  test('types per status; upstream_error → api_error; 503 → overloaded_error', () => {
    const type = (init: ConstructorParameters<typeof GatewayError>[0]) => renderAnthropicError(new GatewayError(init)).body.error.type
    expect([401, 402, 403, 404, 413, 429, 500, 504].map((status) => type({ status, message: 'x' }))).toEqual([
      'authentication_error',
      'billing_error',
      'permission_error',
      'not_found_error',
      'request_too_large',
      'rate_limit_error',
      'api_error',
      'timeout_error',
    ])
    expect(type({ status: 502, message: 'x', code: 'upstream_authentication_error' })).toBe('api_error')
    expect(type({ status: 503, message: 'x', type: 'upstream_error' })).toBe('overloaded_error')
    expect(renderAnthropicError(new GatewayError({ status: 503, type: 'overloaded_error', message: 'Overloaded' })).status).toBe(503)
  })

  test('Retry-After header (whole seconds) when the error carries retryAfter', () => {
    expect(renderAnthropicError(new GatewayError({ status: 429, message: 'slow down', retryAfter: 11.2 }))).toEqual({
      status: 429,
      body: { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } },
      headers: { 'Retry-After': '12' },
    })
  })
})
