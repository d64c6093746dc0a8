import { expect, test } from 'bun:test'
import type { GatewayErrorInit } from '../../errors/gateway-error'
import { parseSse } from '../../sse/sse-parser'
import { convertOpenAIResponsesStreamError, openAIResponsesErrorStatus } from './convert-openai-responses-error'

const quotaMessage = 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.'

test('recorded error event (nested error) and response.failed (response.error) -> 429 insufficient_quota', async () => {
  const sse = await Bun.file(new URL('./fixtures/stream-error-insufficient-quota.sse', import.meta.url)).text()
  const [errorEvent, failed] = parseSse(sse).slice(2).map((event) => JSON.parse(event.data))
  const expected: GatewayErrorInit = { status: 429, type: 'rate_limit_error', message: quotaMessage, param: null, code: 'insufficient_quota' }
  expect(convertOpenAIResponsesStreamError(errorEvent)).toEqual(expected)
  expect(convertOpenAIResponsesStreamError(failed.response.error)).toEqual(expected)
})

test('documented error event shape (top-level code/message/param)', () => {
  expect(convertOpenAIResponsesStreamError({ type: 'error', code: 'context_length_exceeded', message: 'Too long', param: 'input', sequence_number: 3 })).toEqual({
    status: 400,
    type: 'invalid_request_error',
    message: 'Too long',
    param: 'input',
    code: 'context_length_exceeded',
  })
})

test('unknown or missing codes are upstream errors', () => {
  expect(['server_error', 'vector_store_timeout', null, 'invalid_prompt', 'rate_limit_exceeded'].map(openAIResponsesErrorStatus)).toEqual([502, 502, 502, 400, 429])
  expect(convertOpenAIResponsesStreamError({ type: 'error', code: null, message: 'Boom', param: null }).code).toBeNull()
  expect(convertOpenAIResponsesStreamError(undefined)).toEqual({ status: 502, type: 'upstream_error', message: 'The upstream response failed', param: null, code: null })
})
