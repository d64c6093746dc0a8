import { describe, expect, test } from 'bun:test'
import { Value } from '@sinclair/typebox/value'
import { GeminiErrorSchema, GeminiGenerateContentRequestSchema, GeminiGenerateContentResponseSchema } from './gemini-schema'

const fixtures = new URL('./fixtures/', import.meta.url)
const requestFixtures = [...new Bun.Glob('*.request.json').scanSync(fixtures.pathname)]
const json = (name: string) => Bun.file(new URL(name, fixtures)).json()

describe('Gemini schemas', () => {
  test(`all ${requestFixtures.length} recorded request bodies validate (snake_case ones included)`, async () => {
    expect(requestFixtures.length).toBe(10)
    for (const name of requestFixtures) {
      expect({ name, errors: [...Value.Errors(GeminiGenerateContentRequestSchema, await json(name))].map((error) => error.path) }).toEqual({ name, errors: [] })
    }
  })

  test('every object is open to unknown fields', () => {
    const closed: unknown[] = []
    const visit = (schema: any) => {
      if (schema?.type === 'object' && schema.additionalProperties !== true) closed.push(schema)
      for (const value of Object.values(schema ?? {})) if (typeof value === 'object') visit(value)
    }
    for (const schema of [GeminiGenerateContentRequestSchema, GeminiGenerateContentResponseSchema, GeminiErrorSchema]) visit(schema)
    expect(closed).toEqual([])
  })

  test('rejects a body without contents or with an empty one', () => {
    expect(Value.Check(GeminiGenerateContentRequestSchema, {})).toBe(false)
    expect(Value.Check(GeminiGenerateContentRequestSchema, { contents: [] })).toBe(false)
    expect(Value.Check(GeminiGenerateContentRequestSchema, { contents: [{ parts: [{ text: 'hi' }] }], generationConfig: { maxOutputTokens: 1.5 } })).toBe(false)
  })

  test('response and error schemas accept recorded bodies', async () => {
    expect(Value.Check(GeminiGenerateContentResponseSchema, await json('text.response.json'))).toBe(true)
    for (const element of await json('stream-json-array-text.stream.json')) expect(Value.Check(GeminiGenerateContentResponseSchema, element)).toBe(true)
    expect(Value.Check(GeminiErrorSchema, { error: { code: 404, message: 'models/x is not found', status: 'NOT_FOUND' } })).toBe(true)
  })
})
