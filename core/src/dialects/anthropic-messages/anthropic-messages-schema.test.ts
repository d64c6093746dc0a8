import { describe, expect, test } from 'bun:test'
import { Value } from '@sinclair/typebox/value'
import { AnthropicMessagesRequestSchema, AnthropicMessagesResponseSchema } from './anthropic-messages-schema'

const fixtures = new URL('./fixtures/', import.meta.url)
const requestFixtures = [...new Bun.Glob('*.request.json').scanSync(fixtures.pathname)]

describe('Anthropic Messages schemas', () => {
  test(`all ${requestFixtures.length} recorded request bodies validate`, async () => {
    expect(requestFixtures.length).toBeGreaterThan(10)
    for (const name of requestFixtures) {
      const body = await Bun.file(new URL(name, fixtures)).json()
      expect({ name, errors: [...Value.Errors(AnthropicMessagesRequestSchema, body)].map((error) => error.path) }).toEqual({ name, errors: [] })
    }
  })

  test('max_tokens is optional; every object is open to unknown fields', () => {
    const body = { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi', future: 1 }], extra_field: 1 }], container: 'c', context_management: { edits: [] } }
    expect(Value.Check(AnthropicMessagesRequestSchema, body)).toBe(true)
    const closed: unknown[] = []
    const visit = (schema: any) => {
      if (schema?.type === 'object' && schema.additionalProperties !== true) closed.push(schema)
      for (const value of Object.values(schema ?? {})) if (typeof value === 'object') visit(value)
    }
    visit(AnthropicMessagesRequestSchema)
    expect(closed).toEqual([])
  })

  test('rejects a body without messages, an empty messages array, or a bad role', () => {
    expect(Value.Check(AnthropicMessagesRequestSchema, { model: 'm' })).toBe(false)
    expect(Value.Check(AnthropicMessagesRequestSchema, { model: 'm', messages: [] })).toBe(false)
    expect(Value.Check(AnthropicMessagesRequestSchema, { model: 'm', messages: [{ role: 'bot', content: 'x' }] })).toBe(false)
    expect(Value.Check(AnthropicMessagesRequestSchema, { model: 'm', max_tokens: 1.5, messages: [{ role: 'user', content: 'x' }] })).toBe(false)
  })

  test('response schema accepts a recorded message', async () => {
    const body = await Bun.file(new URL('cache-read-and-write.response.json', fixtures)).json()
    expect(Value.Check(AnthropicMessagesResponseSchema, body)).toBe(true)
  })
})
