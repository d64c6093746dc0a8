import { describe, expect, test } from 'bun:test'
import { defineProvider, selectWireFormat } from '@tollgate/core'
import { runProviderContract } from '@tollgate/core/testing'
import { readResponsesFixture, readResponsesJsonFixture, responsesFixtureNames } from '../test-support/read-responses-fixture'
import { openaiCompletionsFormat } from './openai-completions-format'
import { openai } from './openai-provider'
import { openaiResponsesFormat } from './openai-responses-format'

/** The OpenAI provider as a Responses client sees it: the main spec with the Responses format selected. */
const responsesSpec = selectWireFormat(openai.spec, 'openai-responses')
const errorFiles: Record<string, number> = {
  'error-400-invalid-temperature-stream-request.response.json': 400,
  'error-400-model-not-found.response.json': 400,
  'error-400-reasoning-item-missing.response.json': 400,
  'error-400-unsupported-temperature.json': 400,
  'error-429-insufficient-quota.json': 429,
}
const responseNames = responsesFixtureNames('*.response.json').filter((name) => !name.startsWith('error-'))
const streamNames = responsesFixtureNames('*.sse')

runProviderContract(defineProvider(responsesSpec), {
  modelId: 'gpt-5',
  streams: Object.fromEntries(await Promise.all(streamNames.map(async (name) => [name, await readResponsesFixture(name)]))),
  responses: Object.fromEntries(await Promise.all(responseNames.map(async (name) => [name, await readResponsesJsonFixture(name)]))),
  errors: Object.fromEntries(await Promise.all(Object.entries(errorFiles).map(async ([name, status]) => [name, { status, body: await readResponsesJsonFixture(name) }]))),
})

describe('openai provider: Responses as an alternate format', () => {
  test('the Responses format is registered beside Chat Completions, which stays the main format', () => {
    expect([openai.spec.wireFormat, openai.spec.endpoints.chat]).toEqual(['openai-chat', '/chat/completions'])
    expect(openai.spec.alternateFormats).toEqual([openaiResponsesFormat, openaiCompletionsFormat])
    expect([responsesSpec.id, responsesSpec.wireFormat, responsesSpec.endpoints.chat, responsesSpec.defaultBaseURL]).toEqual(['openai', 'openai-responses', '/responses', 'https://api.openai.com/v1'])
    expect(responsesSpec.auth).toEqual({ type: 'bearer' })
    expect(responsesSpec.convertError).toBe(openai.spec.convertError)
    expect(responsesSpec.preparePassthroughBody).toBe(openaiResponsesFormat.preparePassthroughBody)
  })

  test('counts: every recorded stream and response runs the contract', () => {
    expect([streamNames.length, responseNames.length]).toEqual([10, 10])
  })

  test('errors of the Responses endpoint keep status, param and code (model_not_found is a 400 there)', async () => {
    expect(responsesSpec.convertError(400, await readResponsesJsonFixture('error-400-model-not-found.response.json'), new Headers())).toEqual({
      status: 400,
      message: "The requested model 'gpt-5.2-proo' does not exist.",
      param: 'model',
      code: 'model_not_found',
    })
    expect(responsesSpec.convertError(429, await readResponsesJsonFixture('error-429-insufficient-quota.json'), new Headers({ 'retry-after': '3' }))).toMatchObject({ status: 429, code: 'insufficient_quota', retryAfter: 3 })
  })
})
