import { expect, test } from 'bun:test'
import { convertGeminiSchema } from './convert-gemini-schema'
import thinkingRequest from './fixtures/stream-thinking-thoughts.request.json'

test('the recorded upper-case OBJECT schema becomes JSON Schema', () => {
  expect(convertGeminiSchema(thinkingRequest.tools[0].functionDeclarations[0].parameters)).toEqual({ properties: {}, type: 'object' })
})

test('nested types, nullable, enums and property names are handled', () => {
  const schema = {
    type: 'OBJECT',
    properties: {
      type: { type: 'STRING', enum: ['OBJECT', 'ARRAY'] },
      tags: { type: 'ARRAY', items: { type: 'STRING' }, nullable: true },
      any: { anyOf: [{ type: 'INTEGER' }, { type: 'NULL' }] },
      loose: { type: 'TYPE_UNSPECIFIED', description: 'anything' },
    },
    required: ['type'],
    propertyOrdering: ['type', 'tags'],
  }
  expect(convertGeminiSchema(schema)).toEqual({
    type: 'object',
    properties: {
      type: { type: 'string', enum: ['OBJECT', 'ARRAY'] },
      tags: { type: ['array', 'null'], items: { type: 'string' } },
      any: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
      loose: { description: 'anything' },
    },
    required: ['type'],
    propertyOrdering: ['type', 'tags'],
  })
  expect(schema.properties.tags.nullable).toBe(true)
})

test('a JSON Schema (lower-case types) is unchanged', () => {
  const schema = { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'], additionalProperties: false }
  expect(convertGeminiSchema(schema)).toEqual(schema)
})
