import { describe, expect, test } from 'bun:test'
import { runProviderContract } from '@tollgate/core/testing'
import { openai } from './openai-provider'

const fixtures = new URL('../fixtures/', import.meta.url)
const text = (name: string) => Bun.file(new URL(name, fixtures)).text()
const json = (name: string) => Bun.file(new URL(name, fixtures)).json()

const streamNames = [
  'azure-stream-content-filter-results.sse', 'stream-after-tool-result.sse', 'stream-error-midstream.sse', 'stream-finish-length.sse',
  'stream-json-object.sse', 'stream-logprobs.sse', 'stream-n3-choices.sse', 'stream-refusal.sse', 'stream-structured-output-json-schema.sse',
  'stream-text-after-tool-obfuscation.sse', 'stream-text-long.sse', 'stream-text.sse', 'stream-tool-call-include-usage.sse',
  'stream-tool-call-obfuscation.sse', 'stream-tool-call.sse', 'stream-tool-calls-parallel.sse',
]
const responseNames = [
  'cached-tokens.response.json', 'document-pdf-file-part.response.json', 'image-base64.response.json', 'image-url-after-tool.response.json',
  'reasoning-o3-mini.response.json', 'response-finish-length.response.json', 'response-n3-choices.response.json', 'response-refusal.response.json',
  'response-structured-output-json-schema.response.json', 'response-text-long.response.json', 'response-text.response.json',
  'response-tool-calls-parallel.response.json', 'structured-output-json-schema-with-tools.response.json', 'tool-call.response.json',
]
const errorFiles: Record<string, number> = {
  'azure-error-400-content-filter.json': 400, 'error-400-unsupported-parameter.json': 400, 'error-400-unsupported-system-role.response.json': 400,
  'error-401-invalid-api-key.json': 401, 'error-404-model-not-found.response.json': 404, 'error-429-insufficient-quota.json': 429,
  'error-429-request-too-large-tpm.json': 429,
}

runProviderContract(openai, {
  modelId: 'gpt-4o',
  streams: Object.fromEntries(await Promise.all(streamNames.map(async (name) => [name, await text(name)]))),
  responses: Object.fromEntries(await Promise.all(responseNames.map(async (name) => [name, await json(name)]))),
  errors: Object.fromEntries(await Promise.all(Object.entries(errorFiles).map(async ([name, status]) => [name, { status, body: await json(name) }]))),
})

describe('openai provider spec', () => {
  test('declares the OpenAI Chat wire format, bearer auth and env names', () => {
    const { spec } = openai
    expect([spec.id, spec.wireFormat, spec.defaultBaseURL, spec.endpoints.chat]).toEqual(['openai', 'openai-chat', 'https://api.openai.com/v1', '/chat/completions'])
    expect(spec.auth).toEqual({ type: 'bearer' })
    expect(spec.env).toEqual({ apiKey: 'OPENAI_API_KEY', baseURL: 'OPENAI_BASE_URL' })
    expect(spec.modelPrefixes).toEqual(['gpt-', 'o1', 'o3', 'o4', 'chatgpt-', 'codex-'])
    expect(spec.passthroughHeaders).toEqual([])
  })

  test('catalogue: unique ids, every model within its context window', () => {
    const ids = openai.spec.models.map((model) => model.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain('gpt-4o')
    expect(openai.spec.models.every((model) => (model.maxOutputTokens ?? 0) < (model.contextWindow ?? 0))).toBe(true)
  })

  test('the factory carries settings', () => {
    expect(openai({ apiKey: 'test-key' })).toEqual({ kind: 'provider', spec: openai.spec, settings: { apiKey: 'test-key' } })
  })
})
