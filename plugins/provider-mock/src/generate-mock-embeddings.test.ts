import { expect, test } from 'bun:test'
import { generateMockEmbeddings, mockVector } from './generate-mock-embeddings'

const text = (value: string) => ({ type: 'text' as const, text: value })

test('deterministic unit vectors: same input, same vector; another input, another vector', () => {
  const first = mockVector(text('hello'), 16)
  expect(mockVector(text('hello'), 16)).toEqual(first)
  expect(mockVector(text('hello!'), 16)).not.toEqual(first)
  expect(Math.hypot(...first)).toBeCloseTo(1, 5)
  expect(first.every((value) => Math.fround(value) === value)).toBe(true)
})

test('one vector per input, `dimensions` long (16 by default); input tokens at 4 characters, token ids exactly', () => {
  const response = generateMockEmbeddings({ model: 'embed', inputs: [text('hello world'), { type: 'tokens', tokens: [1, 2, 3] }], dimensions: 4, encoding: 'float', extra: {} })
  expect(response.embeddings.map((vector) => vector.length)).toEqual([4, 4])
  expect(response.usage).toEqual({ inputTokens: 3 + 3 })
  expect(generateMockEmbeddings({ model: 'embed', inputs: [text('x')], encoding: 'float', extra: {} }).embeddings[0]).toHaveLength(16)
})
