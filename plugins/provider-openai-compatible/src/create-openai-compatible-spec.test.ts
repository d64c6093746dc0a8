import { describe, expect, test } from 'bun:test'
import { openAIChatDialect, type CanonicalRequest } from '@tollgate/core'
import { runProviderContract } from '@tollgate/core/testing'
import { openaiResponsesFormat } from '@tollgate/provider-openai'
import { readFixtures, readJsonFixture, readJsonFixtures } from '../test-support/read-fixture'
import { createOpenAICompatibleSpec } from './create-openai-compatible-spec'
import { defineOpenAICompatible, openAICompatible } from './openai-compatible'

const plain = { id: 'compatible', name: 'Compatible', baseURL: 'https://llm.example/v1', models: [{ id: 'gpt-4o' }] }
const errorFiles: Record<string, number> = {
  'openai-chat/error-400-unsupported-parameter.json': 400,
  'openai-chat/error-401-invalid-api-key.json': 401,
  'openai-chat/error-404-model-not-found.response.json': 404,
  'openai-chat/error-429-insufficient-quota.json': 429,
}

// Every compatible server speaks OpenAI Chat: the base runs the contract on OpenAI's own recordings.
runProviderContract(defineOpenAICompatible(plain), {
  modelId: 'gpt-4o',
  streams: await readFixtures([
    'openai-chat/stream-text.sse', 'openai-chat/stream-tool-call.sse', 'openai-chat/stream-tool-calls-parallel.sse', 'openai-chat/stream-error-midstream.sse',
    'openai-chat/stream-finish-length.sse', 'openai-chat/stream-refusal.sse', 'openai-chat/stream-text-after-tool-obfuscation.sse',
  ]),
  responses: await readJsonFixtures([
    'openai-chat/response-text.response.json', 'openai-chat/tool-call.response.json', 'openai-chat/response-tool-calls-parallel.response.json',
    'openai-chat/reasoning-o3-mini.response.json', 'openai-chat/cached-tokens.response.json',
  ]),
  errors: Object.fromEntries(await Promise.all(Object.entries(errorFiles).map(async ([name, status]) => [name, { status, body: await readJsonFixture(name) }]))),
})

const canonical = (body: Record<string, unknown>): CanonicalRequest => openAIChatDialect.toCanonical({ model: 'm', messages: [{ role: 'user', content: 'Hi' }], ...body }, new Headers())

describe('createOpenAICompatibleSpec', () => {
  test('speaks OpenAI Chat at <baseURL>/chat/completions with bearer auth; env names only when declared', () => {
    const spec = createOpenAICompatibleSpec(plain)
    expect([spec.id, spec.name, spec.wireFormat, spec.defaultBaseURL, spec.endpoints.chat]).toEqual(['compatible', 'Compatible', 'openai-chat', 'https://llm.example/v1', '/chat/completions'])
    expect(spec.auth).toEqual({ type: 'bearer' })
    expect(spec.env).toEqual({})
    expect(createOpenAICompatibleSpec({ ...plain, apiKeyEnv: 'LLM_KEY', baseURLEnv: 'LLM_URL' }).env).toEqual({ apiKey: 'LLM_KEY', baseURL: 'LLM_URL' })
  })

  test("does not inherit OpenAI's Responses format unless the service serves /responses", () => {
    expect(createOpenAICompatibleSpec(plain).alternateFormats).toBeUndefined()
    expect(createOpenAICompatibleSpec({ ...plain, responses: true }).alternateFormats).toEqual([openaiResponsesFormat])
  })

  test('the fast path is offered only when nothing must be removed or re-counted', () => {
    expect(createOpenAICompatibleSpec(plain).preparePassthroughBody).toBeFunction()
    expect(createOpenAICompatibleSpec({ ...plain, renames: { max_completion_tokens: 'max_tokens' } }).preparePassthroughBody).toBeFunction()
    expect(createOpenAICompatibleSpec({ ...plain, drops: ['user'] }).preparePassthroughBody).toBeUndefined()
    expect(createOpenAICompatibleSpec({ ...plain, supportsStreamUsage: false }).preparePassthroughBody).toBeUndefined()
    expect(createOpenAICompatibleSpec({ ...plain, usageExcludesReasoning: true }).preparePassthroughBody).toBeUndefined()
  })

  test('canonical path: dropped fields become warnings, developer becomes system, renames stay data for core', () => {
    const spec = createOpenAICompatibleSpec({ ...plain, drops: ['user', 'metadata'], renames: { seed: 'random_seed' } })
    const request = canonical({ messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], user: 'u-1', metadata: { a: '1' }, seed: 7, tollgate_unknown: true })
    const { body, warnings } = spec.convertRequest(request, { modelId: 'm' })
    expect(body).toEqual({ model: 'm', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], seed: 7, stream: false, tollgate_unknown: true })
    expect(warnings).toEqual([
      { param: 'user', message: "Compatible does not accept 'user'; it was not sent" },
      { param: 'metadata', message: "Compatible does not accept 'metadata'; it was not sent" },
    ])
    expect(spec.renames).toEqual({ seed: 'random_seed' })
  })

  test('supportsDeveloperRole keeps the developer role', () => {
    const request = canonical({ messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'Hi' }] })
    expect((createOpenAICompatibleSpec({ ...plain, supportsDeveloperRole: true }).convertRequest(request, { modelId: 'm' }).body.messages as any[])[0].role).toBe('developer')
  })

  test('no stream_options for a service without them; only client options beyond include_usage are reported', () => {
    const spec = createOpenAICompatibleSpec({ ...plain, supportsStreamUsage: false })
    const quiet = spec.convertRequest(canonical({ stream: true, stream_options: { include_usage: true } }), { modelId: 'm' })
    expect([quiet.body.stream_options, quiet.warnings]).toEqual([undefined, undefined])
    const reported = spec.convertRequest(canonical({ stream: true, stream_options: { include_obfuscation: false } }), { modelId: 'm' })
    expect(reported.body.stream_options).toBeUndefined()
    expect(reported.warnings).toEqual([{ param: 'stream_options', message: 'Compatible does not accept stream_options; include_obfuscation not sent' }])
    expect(createOpenAICompatibleSpec(plain).convertRequest(canonical({ stream: true }), { modelId: 'm' }).body.stream_options).toEqual({ include_usage: true })
  })

  test('fast path: model replaced, usage forced on, renames and system role applied, the client body untouched', () => {
    const spec = createOpenAICompatibleSpec({ ...plain, renames: { max_completion_tokens: 'max_tokens', user: 'metadata.user_id' } })
    const client = { model: 'compatible/m', stream: true, max_completion_tokens: 64, user: 'u-1', metadata: { app: 'x' }, messages: [{ role: 'developer', content: 'Be brief.' }] }
    const snapshot = structuredClone(client)
    expect(spec.preparePassthroughBody!(client, { modelId: 'm' })).toEqual({
      model: 'm',
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 64,
      metadata: { app: 'x', user_id: 'u-1' },
      messages: [{ role: 'system', content: 'Be brief.' }],
    })
    expect(client).toEqual(snapshot)
  })

  test('openAICompatible: a configured provider with its key and transport as settings', () => {
    const fetch = (async () => new Response()) as any
    const entry = openAICompatible({ ...plain, apiKey: 'sk-local', fetch })
    expect(entry.kind).toBe('provider')
    expect(entry.settings).toEqual({ apiKey: 'sk-local', fetch })
    expect(entry.spec.defaultBaseURL).toBe('https://llm.example/v1')
    expect(entry.spec.models).toEqual([{ id: 'gpt-4o' }])
  })
})
