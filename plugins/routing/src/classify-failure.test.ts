import { GatewayError } from '@tollgate/core'
import { describe, expect, test } from 'bun:test'
import { classifyFailure, countsAgainstDeployment } from './classify-failure'

const kind = (init: ConstructorParameters<typeof GatewayError>[0]) => classifyFailure(new GatewayError(init))

describe('classifyFailure', () => {
  test('transient failures are retried: connection, timeout, 408, 429, 5xx, overload, dead stream', () => {
    expect(kind({ status: 502, code: 'upstream_connection_error', message: "Could not reach provider 'openai'" })).toBe('retry')
    expect(kind({ status: 504, code: 'upstream_timeout', message: 'timed out' })).toBe('retry')
    expect(kind({ status: 408, message: 'Request timeout' })).toBe('retry')
    expect(kind({ status: 429, message: 'Slow down', retryAfter: 2 })).toBe('retry')
    expect(kind({ status: 503, type: 'overloaded_error', message: 'Overloaded' })).toBe('retry')
    expect(kind({ status: 502, code: 'upstream_malformed_response', message: 'not JSON' })).toBe('retry')
  })

  test("the deployment's own faults go to the next deployment without a retry", () => {
    expect(kind({ status: 502, code: 'upstream_authentication_error', message: 'rejected the gateway credentials' })).toBe('fallback')
    expect(kind({ status: 502, code: 'upstream_billing_error', message: 'billing' })).toBe('fallback')
    expect(kind({ status: 404, code: 'model_not_found', message: 'model: x' })).toBe('fallback')
  })

  test('context-length errors (OpenAI code, Anthropic message) are their own kind', () => {
    expect(kind({ status: 400, code: 'context_length_exceeded', message: "This model's maximum context length is 128000 tokens" })).toBe('context')
    expect(kind({ status: 400, message: 'prompt is too long: 208897 tokens > 200000 maximum' })).toBe('context')
  })

  test("the client's own mistakes are answered at once", () => {
    for (const status of [400, 401, 403, 413, 415, 422]) expect(kind({ status, message: 'bad input' })).toBe('fatal')
  })

  test('only retry and fallback failures count against the deployment', () => {
    expect([countsAgainstDeployment('retry'), countsAgainstDeployment('fallback'), countsAgainstDeployment('context'), countsAgainstDeployment('fatal')]).toEqual([true, true, false, false])
  })
})
