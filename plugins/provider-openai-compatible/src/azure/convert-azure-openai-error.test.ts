import { describe, expect, test } from 'bun:test'
import { readJsonFixture } from '../../test-support/read-fixture'
import { convertAzureOpenAIError } from './convert-azure-openai-error'

describe('convertAzureOpenAIError', () => {
  test('content filter 400 (azure-error-400-content-filter.json) -> a clear 400 content_filter naming the category', async () => {
    expect(convertAzureOpenAIError(400, await readJsonFixture('openai-chat/azure-error-400-content-filter.json'), new Headers())).toEqual({
      status: 400,
      type: 'invalid_request_error',
      code: 'content_filter',
      param: 'prompt',
      message: "Azure OpenAI's content filter blocked the prompt (sexual: high). Change the prompt and retry.",
    })
  })

  test('a jailbreak detection has no severity; several categories are listed', () => {
    const body = { error: { code: 'content_filter', param: 'prompt', innererror: { content_filter_result: { jailbreak: { filtered: true, detected: true }, self_harm: { filtered: true, severity: 'medium' }, hate: { filtered: false, severity: 'safe' } } } } }
    expect(convertAzureOpenAIError(400, body, new Headers()).message).toBe("Azure OpenAI's content filter blocked the prompt (jailbreak: detected, self harm: medium). Change the prompt and retry.")
  })

  test('DeploymentNotFound -> 404 model_not_found (the routing plugin moves on as for an unknown model)', () => {
    const body = { error: { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.' } }
    expect(convertAzureOpenAIError(404, body, new Headers())).toEqual({ status: 404, type: 'not_found_error', code: 'model_not_found', message: body.error.message })
  })

  test('everything else follows the OpenAI mapping: 401 hides the upstream text, 429 keeps Retry-After', () => {
    expect(convertAzureOpenAIError(401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } }, new Headers()).status).toBe(502)
    const limited = convertAzureOpenAIError(429, { error: { code: '429', message: 'Requests to the ChatCompletions_Create Operation have exceeded token rate limit.' } }, new Headers({ 'retry-after': '6' }))
    expect([limited.status, limited.type, limited.retryAfter]).toEqual([429, 'rate_limit_error', 6])
  })
})
