import { expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { renderOpenAIChatError } from './render-openai-chat-error'

test('400 keeps type, param and code', () => {
  const error = new GatewayError({ status: 400, message: "'messages' must be an array", param: 'messages' })
  expect(renderOpenAIChatError(error)).toEqual({
    status: 400,
    body: { error: { message: "'messages' must be an array", type: 'invalid_request_error', param: 'messages', code: null } },
  })
})

test('429 with retryAfter sets Retry-After (whole seconds)', () => {
  const error = new GatewayError({ status: 429, message: 'Slow down', code: 'rate_limit_exceeded', retryAfter: 1.2 })
  expect(renderOpenAIChatError(error)).toEqual({
    status: 429,
    body: { error: { message: 'Slow down', type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded' } },
    headers: { 'Retry-After': '2' },
  })
})

test('types OpenAI does not have are mapped', () => {
  const types = [
    new GatewayError({ status: 413, message: 'Too large' }),
    new GatewayError({ status: 413, message: 'Too large', code: 'body_limit' }),
    new GatewayError({ status: 529, type: 'overloaded_error', message: 'Overloaded' }),
    new GatewayError({ status: 504, message: 'Timed out' }),
  ].map((error) => renderOpenAIChatError(error).body.error)
  expect(types.map(({ type, code }) => ({ type, code }))).toEqual([
    { type: 'invalid_request_error', code: 'request_too_large' },
    { type: 'invalid_request_error', code: 'body_limit' },
    { type: 'upstream_error', code: null },
    { type: 'upstream_error', code: null },
  ])
})
