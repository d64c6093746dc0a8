import { describe, expect, test } from 'bun:test'
import { readFixture, readJsonFixture } from '../test-support/read-fixture'
import { convertAnthropicError } from './convert-anthropic-error'

const none = new Headers()

describe('convertAnthropicError (recorded error bodies)', () => {
  test('400 invalid_request_error keeps Anthropic’s message', async () => {
    expect(convertAnthropicError(400, await readJsonFixture('error-400-invalid-request.response.json'), none)).toEqual({
      status: 400,
      message: "This model does not support effort level 'xhigh'. Supported levels: high, low, max, medium.",
    })
  })

  test('401 (our upstream key) → 502 upstream_error without the upstream text', async () => {
    const error = convertAnthropicError(401, await readFixture('error-401-authentication.json'), none)
    expect(error).toEqual({ status: 502, type: 'upstream_error', code: 'upstream_authentication_error', message: 'The upstream provider rejected the gateway credentials' })
    expect(JSON.stringify(error)).not.toContain('x-api-key')
    expect(convertAnthropicError(403, { type: 'error', error: { type: 'permission_error', message: 'key sk-ant-123 lacks access' } }, none).message).not.toContain('sk-ant')
  })

  test('404 → not_found_error, code model_not_found', async () => {
    expect(convertAnthropicError(404, await readJsonFixture('error-404-model-not-found.response.json'), none)).toEqual({
      status: 404,
      type: 'not_found_error',
      code: 'model_not_found',
      message: 'model: claude-sonet-4-5',
    })
  })

  test('429 → rate_limit_error with retry-after (seconds or HTTP date)', async () => {
    const body = await readJsonFixture('error-429-rate-limit.json')
    expect(convertAnthropicError(429, body, new Headers({ 'retry-after': '17' }))).toEqual({
      status: 429,
      type: 'rate_limit_error',
      message: "This request would exceed your account's rate limit. Please try again later.",
      retryAfter: 17,
    })
    const inAMinute = new Date(Date.now() + 60_000).toUTCString()
    expect(convertAnthropicError(429, body, new Headers({ 'retry-after': inAMinute })).retryAfter).toBeWithin(58, 61)
    expect(convertAnthropicError(429, body, none).retryAfter).toBeUndefined()
  })

  test('529 overloaded → 503 overloaded_error', async () => {
    expect(convertAnthropicError(529, await readFixture('error-529-overloaded.json'), none)).toEqual({ status: 503, type: 'overloaded_error', message: 'Overloaded' })
  })

  test('other 5xx → 502 upstream_error; unreadable bodies get a generic message', () => {
    expect(convertAnthropicError(500, { type: 'error', error: { type: 'api_error', message: 'Internal server error' } }, none)).toEqual({
      status: 502,
      type: 'upstream_error',
      message: 'Internal server error',
    })
    expect(convertAnthropicError(502, '<html>Bad gateway</html>', none)).toEqual({ status: 502, type: 'upstream_error', message: 'Anthropic returned HTTP 502' })
    expect(convertAnthropicError(413, null, none)).toEqual({ status: 413, message: 'Anthropic returned HTTP 413' })
  })
})
