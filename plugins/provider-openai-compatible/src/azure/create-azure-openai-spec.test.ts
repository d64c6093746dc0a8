import { describe, expect, test } from 'bun:test'
import { defineProvider, openAIChatDialect, selectWireFormat } from '@tollgate/core'
import { convertSseText, runProviderContract } from '@tollgate/core/testing'
import { readFixture, readFixtures, readJsonFixture, readJsonFixtures } from '../../test-support/read-fixture'
import { createAzureOpenAISpec } from './create-azure-openai-spec'

const baseURL = 'https://contoso.openai.azure.com/openai'
const deployed = createAzureOpenAISpec({ baseURL, apiVersion: '2024-10-21', deployments: { 'gpt-4o': 'prod-4o', 'gpt-4o-mini': 'gpt-4o-mini' } })
const v1 = createAzureOpenAISpec({ baseURL, apiVersion: 'v1', deployments: { 'gpt-4o': 'prod-4o' } })
const errorFiles: Record<string, number> = { 'openai-chat/azure-error-400-content-filter.json': 400, 'openai-chat/error-401-invalid-api-key.json': 401, 'openai-chat/error-429-insufficient-quota.json': 429 }

// The contract model is deployed under its own name, so the body's `model` is the contract's id.
runProviderContract(defineProvider(deployed), {
  modelId: 'gpt-4o-mini',
  streams: await readFixtures(['openai-chat/azure-stream-content-filter-results.sse', 'openai-chat/stream-text.sse', 'openai-chat/stream-tool-call.sse', 'openai-chat/stream-error-midstream.sse']),
  responses: await readJsonFixtures(['openai-chat/response-text.response.json', 'openai-chat/tool-call.response.json']),
  errors: Object.fromEntries(await Promise.all(Object.entries(errorFiles).map(async ([name, status]) => [name, { status, body: await readJsonFixture(name) }]))),
})

const request = openAIChatDialect.toCanonical({ model: 'azure/gpt-4o', messages: [{ role: 'user', content: 'Hi' }], stream: true }, new Headers())

describe('createAzureOpenAISpec: deployment URLs', () => {
  test('the model maps to its deployment, in the path (with api-version) and in the body; api-key header', () => {
    const converted = deployed.convertRequest(request, { modelId: 'gpt-4o' })
    expect(converted.path).toBe('/deployments/prod-4o/chat/completions?api-version=2024-10-21')
    expect(converted.body).toEqual({ model: 'prod-4o', messages: [{ role: 'user', content: 'Hi' }], stream: true, stream_options: { include_usage: true } })
    expect(deployed.auth).toEqual({ type: 'header', name: 'api-key' })
    expect([deployed.id, deployed.wireFormat, deployed.defaultBaseURL, deployed.env]).toEqual(['azure', 'openai-chat', baseURL, { apiKey: 'AZURE_OPENAI_API_KEY' }])
  })

  test('a model without a mapping is its own deployment name (escaped in the path)', () => {
    expect(deployed.convertRequest(request, { modelId: 'my model' }).path).toBe('/deployments/my%20model/chat/completions?api-version=2024-10-21')
  })

  test('fast path: same deployment path, the body keeps everything but the model', () => {
    expect(deployed.passthroughPath!({ modelId: 'gpt-4o' }, true)).toBe('/deployments/prod-4o/chat/completions?api-version=2024-10-21')
    expect(deployed.preparePassthroughBody!({ model: 'azure/gpt-4o', messages: [], data_sources: [{ type: 'azure_search' }] }, { modelId: 'gpt-4o' })).toEqual({ model: 'prod-4o', messages: [], data_sources: [{ type: 'azure_search' }] })
  })

  test("catalogue: the deployed models, with OpenAI's data for OpenAI ids", () => {
    expect(deployed.models.map((model) => model.id)).toEqual(['gpt-4o', 'gpt-4o-mini'])
    expect(deployed.models[0]).toMatchObject({ contextWindow: 128_000, maxOutputTokens: 16_384 })
    expect(createAzureOpenAISpec({ baseURL, apiVersion: 'v1', deployments: { 'my-finetune': 'ft-1' } }).models).toEqual([{ id: 'my-finetune', type: 'chat' }])
  })

  test('no Responses format on deployment URLs (that needs a preview api-version)', () => {
    expect(deployed.alternateFormats).toBeUndefined()
  })
})

describe('createAzureOpenAISpec: the v1 API', () => {
  test('one path for every deployment, no api-version; the deployment is the body model', () => {
    const converted = v1.convertRequest(request, { modelId: 'gpt-4o' })
    expect([converted.path, converted.body.model]).toEqual(['/v1/chat/completions', 'prod-4o'])
    expect(v1.passthroughPath!({ modelId: 'gpt-4o' }, false)).toBe('/v1/chat/completions')
  })

  test('Responses clients are served by /v1/responses with the deployment as model', () => {
    const responses = selectWireFormat(v1, 'openai-responses')
    expect([responses.wireFormat, responses.endpoints.chat]).toEqual(['openai-responses', '/v1/responses'])
    expect(responses.preparePassthroughBody!({ model: 'azure/gpt-4o', input: 'Hi' }, { modelId: 'gpt-4o' }).model).toBe('prod-4o')
    const canonical = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Hi' }] }], stream: false, extra: {} }
    expect(responses.convertRequest(canonical, { modelId: 'gpt-4o' }).body.model).toBe('prod-4o')
  })
})

test('Azure stream: the prompt_filter_results chunk (empty choices, no id) is skipped; content filter fields are ignored', async () => {
  const events = convertSseText(await readFixture('openai-chat/azure-stream-content-filter-results.sse'), deployed.createStreamConverter({ modelId: 'gpt-5-nano' }))
  expect(events).toEqual([
    { type: 'response-start', id: 'chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt', model: 'gpt-5-nano-2025-08-07', created: 1762317021 },
    { type: 'text-start', index: 0 },
    { type: 'text-delta', index: 0, delta: 'Capital' },
    { type: 'text-delta', index: 0, delta: ' of' },
    { type: 'text-delta', index: 0, delta: ' Denmark' },
    { type: 'text-delta', index: 0, delta: '.' },
    { type: 'text-end', index: 0 },
    {
      type: 'finish',
      finishReason: 'stop',
      rawFinishReason: 'stop',
      usage: { input: { total: 15, noCache: 15, cacheRead: 0, cacheWrite: 0 }, output: { total: 78, text: 14, reasoning: 64 } },
    },
  ])
})
