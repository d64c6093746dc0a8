import { describe, expect, test } from 'bun:test'
import { convertOpenAIError, redactSecrets } from './convert-openai-error'

const fixture = (name: string) => Bun.file(new URL(`../fixtures/${name}`, import.meta.url)).json()

describe('convertOpenAIError on recorded error bodies', () => {
  test('400 keeps message, param and code (error-400-unsupported-parameter)', async () => {
    expect(convertOpenAIError(400, await fixture('error-400-unsupported-parameter.json'), new Headers())).toEqual({
      status: 400,
      message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      param: 'max_tokens',
      code: 'unsupported_parameter',
    })
  })

  test('400 unsupported system role (error-400-unsupported-system-role)', async () => {
    expect(convertOpenAIError(400, await fixture('error-400-unsupported-system-role.response.json'), new Headers())).toEqual({
      status: 400,
      message: "Unsupported value: 'messages[0].role' does not support 'system' with this model.",
      param: 'messages[0].role',
      code: 'unsupported_value',
    })
  })

  test('Azure 400 content filter keeps its code and param', async () => {
    const error = convertOpenAIError(400, await fixture('azure-error-400-content-filter.json'), new Headers())
    expect([error.status, error.code, error.param]).toEqual([400, 'content_filter', 'prompt'])
  })

  test('401: the gateway credential is bad -> 502 without the upstream text (error-401-invalid-api-key)', async () => {
    const error = convertOpenAIError(401, await fixture('error-401-invalid-api-key.json'), new Headers())
    expect(error).toEqual({ status: 502, type: 'upstream_error', code: 'upstream_authentication_error', message: "The upstream provider rejected the gateway's credentials" })
    expect(convertOpenAIError(403, { error: { message: 'Project sk-proj-abc lacks access' } }, new Headers()).status).toBe(502)
  })

  test('404 model -> 404 model_not_found (error-404-model-not-found)', async () => {
    expect(convertOpenAIError(404, await fixture('error-404-model-not-found.response.json'), new Headers())).toEqual({
      status: 404,
      type: 'not_found_error',
      code: 'model_not_found',
      message: 'The model `gpt-5.2-proo` does not exist or you do not have access to it.',
    })
  })

  test('404 that is not about a model (wrong base URL) -> 502', () => {
    expect(convertOpenAIError(404, { error: { message: 'Invalid URL (POST /v1/chat/completion)' } }, new Headers())).toEqual({
      status: 502, type: 'upstream_error', code: 'upstream_not_found', message: 'Invalid URL (POST /v1/chat/completion)',
    })
  })

  test('429 insufficient quota with Retry-After (error-429-insufficient-quota)', async () => {
    const error = convertOpenAIError(429, await fixture('error-429-insufficient-quota.json'), new Headers({ 'retry-after': '20' }))
    expect(error).toEqual({
      status: 429,
      type: 'rate_limit_error',
      code: 'insufficient_quota',
      retryAfter: 20,
      message: 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
    })
  })

  test('429 TPM: retryAfter from x-ratelimit-reset-*, organisation id redacted (error-429-request-too-large-tpm)', async () => {
    const headers = new Headers({ 'x-ratelimit-reset-requests': '120ms', 'x-ratelimit-reset-tokens': '1m0.5s' })
    const error = convertOpenAIError(429, await fixture('error-429-request-too-large-tpm.json'), headers)
    expect(error.retryAfter).toBe(61)
    expect(error.code).toBe('rate_limit_exceeded')
    expect(error.message).toStartWith('Request too large for gpt-4o in organization org-*** on tokens per min (TPM)')
  })

  test('5xx -> 502 upstream_error; 503 stays 503; body without JSON', () => {
    expect(convertOpenAIError(500, { error: { message: 'The server had an error', type: 'server_error' } }, new Headers())).toEqual({
      status: 502, type: 'upstream_error', message: 'The server had an error', code: null,
    })
    expect(convertOpenAIError(503, 'Service Unavailable', new Headers({ 'retry-after': '5' }))).toEqual({
      status: 503, type: 'upstream_error', message: 'Upstream returned HTTP 503', code: null, retryAfter: 5,
    })
  })
})

test('redactSecrets masks keys, including project keys and already-masked ones', () => {
  expect(redactSecrets('Incorrect API key provided: sk-proj-AbC_12-xyz and sk-v3s3w*****bfcr.')).toBe('Incorrect API key provided: sk-*** and sk-***.')
})
