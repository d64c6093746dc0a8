import { describe, expect, test } from 'bun:test'
import { Value } from '@sinclair/typebox/value'
import { Elysia } from 'elysia'
import { OpenAIResponsesRequestSchema, OpenAIResponsesResponseSchema } from './openai-responses-schema'

const fixtures = new URL('./fixtures/', import.meta.url)
const fixture = (name: string) => Bun.file(new URL(name, fixtures)).json()
const requests = [...new Bun.Glob('*.request.json').scanSync(fixtures.pathname)].sort()

describe('OpenAIResponsesRequestSchema', () => {
  test.each(requests)('accepts the recorded request %s', async (name) => {
    expect([...Value.Errors(OpenAIResponsesRequestSchema, await fixture(name))]).toEqual([])
  })

  test('unknown fields at every level survive Elysia validation + normalisation', async () => {
    const app = new Elysia().post('/v1/responses', ({ body }) => body, { body: OpenAIResponsesRequestSchema })
    const body = {
      ...(await fixture('stream-web-search.request.json')),
      text: { format: { type: 'json_schema', name: 'x', schema: { type: 'object' }, strict: true }, verbosity: 'low' },
      reasoning: { effort: 'low', summary: 'auto', context: 'all_turns' },
      prompt_cache_key: 'k',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'hi', prompt_cache_breakpoint: { mode: 'explicit' } }], phase: 'final_answer' }],
    }
    const response = await app.handle(new Request('http://gateway/v1/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(body)
  })

  test('rejects a missing model and a non-string, non-array input', () => {
    expect(Value.Check(OpenAIResponsesRequestSchema, { input: 'hi' })).toBe(false)
    expect(Value.Check(OpenAIResponsesRequestSchema, { model: 'gpt-5', input: 42 })).toBe(false)
    expect(Value.Check(OpenAIResponsesRequestSchema, { model: 'gpt-5', input: 'hi' })).toBe(true)
  })
})

test('OpenAIResponsesResponseSchema accepts recorded responses', async () => {
  for (const name of ['text.response.json', 'function-call.response.json', 'reasoning-summary.response.json', 'response-reasoning-encrypted-content.response.json']) {
    expect([...Value.Errors(OpenAIResponsesResponseSchema, await fixture(name))]).toEqual([])
  }
})
