import { expect, test } from 'bun:test'
import { originalGeminiSchema } from './original-gemini-schema'

test('the original schema while the canonical one is its conversion, else undefined', () => {
  const original = { type: 'OBJECT', properties: { a: { type: 'STRING' } } }
  expect(originalGeminiSchema(original, { type: 'object', properties: { a: { type: 'string' } } })).toBe(original)
  expect(originalGeminiSchema(original, { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } } })).toBeUndefined()
  expect(originalGeminiSchema(undefined, { type: 'object' })).toBeUndefined()
})
