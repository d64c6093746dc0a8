import { describe, expect, test } from 'bun:test'
import { Value } from '@sinclair/typebox/value'
import { Elysia } from 'elysia'
import { OpenAIChatRequestSchema, OpenAIChatResponseSchema } from './openai-chat-schema'

const fixture = (name: string) => Bun.file(new URL(`./fixtures/${name}`, import.meta.url)).json()
const requests = [
  'cached-tokens.request.json', 'document-pdf-file-part.request.json', 'error-400-unsupported-system-role.request.json', 'image-base64.request.json',
  'image-url-after-tool.request.json', 'reasoning-o3-mini.request.json', 'stream-after-tool-result.request.json',
  'stream-text-after-tool-obfuscation.request.json', 'stream-tool-call-include-usage.request.json', 'structured-output-json-schema-with-tools.request.json', 'tool-call.request.json',
]

describe('OpenAIChatRequestSchema', () => {
  test.each(requests)('accepts the recorded request %s', async (name) => {
    expect([...Value.Errors(OpenAIChatRequestSchema, await fixture(name))]).toEqual([])
  })

  test('unknown fields at every level survive Elysia validation + normalisation', async () => {
    const app = new Elysia().post('/v1/chat/completions', ({ body }) => body, { body: OpenAIChatRequestSchema })
    const body = {
      ...(await fixture('cached-tokens.request.json')),
      stream_options: { include_usage: true, include_obfuscation: false },
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' }, x_extra: 1 }, cache_control: { type: 'ephemeral' } }],
    }
    const response = await app.handle(new Request('http://gateway/v1/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(body)
  })

  test('rejects an empty messages array, a missing model and an unknown role', () => {
    expect(Value.Check(OpenAIChatRequestSchema, { model: 'gpt-4o', messages: [] })).toBe(false)
    expect(Value.Check(OpenAIChatRequestSchema, { messages: [{ role: 'user', content: 'Hi' }] })).toBe(false)
    expect(Value.Check(OpenAIChatRequestSchema, { model: 'gpt-4o', messages: [{ role: 'robot', content: 'Hi' }] })).toBe(false)
  })
})

test('OpenAIChatResponseSchema accepts recorded responses', async () => {
  for (const name of ['response-refusal.response.json', 'response-tool-calls-parallel.response.json', 'cached-tokens.response.json']) {
    expect([...Value.Errors(OpenAIChatResponseSchema, await fixture(name))]).toEqual([])
  }
})
