import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { openAIEmbeddingsToCanonical } from './openai-embeddings-to-canonical'

const paramOf = (body: Record<string, unknown>) => {
  try {
    openAIEmbeddingsToCanonical(body)
  } catch (error) {
    if (error instanceof GatewayError) return [error.status, error.param]
    throw error
  }
  throw new Error('expected a 400')
}

describe('openAIEmbeddingsToCanonical', () => {
  test('a string, strings, one token array, token arrays', () => {
    expect(openAIEmbeddingsToCanonical({ model: 'text-embedding-3-small', input: 'The food was delicious' }).inputs).toEqual([{ type: 'text', text: 'The food was delicious' }])
    expect(openAIEmbeddingsToCanonical({ model: 'm', input: ['a', ''] }).inputs).toEqual([{ type: 'text', text: 'a' }, { type: 'text', text: '' }])
    expect(openAIEmbeddingsToCanonical({ model: 'm', input: [1820, 25977] }).inputs).toEqual([{ type: 'tokens', tokens: [1820, 25977] }])
    expect(openAIEmbeddingsToCanonical({ model: 'm', input: [[1], [2, 3]] }).inputs).toEqual([{ type: 'tokens', tokens: [1] }, { type: 'tokens', tokens: [2, 3] }])
  })

  test('encoding (float by default, as in the API), dimensions, user; unknown fields pass through', () => {
    expect(openAIEmbeddingsToCanonical({ model: 'm', input: 'x', encoding_format: 'base64', dimensions: 256, user: 'u-1', service_tier: 'flex' })).toEqual({
      model: 'm',
      inputs: [{ type: 'text', text: 'x' }],
      encoding: 'base64',
      dimensions: 256,
      user: 'u-1',
      extra: { 'openai-embeddings': { service_tier: 'flex' } },
    })
    expect(openAIEmbeddingsToCanonical({ model: 'm', input: 'x' })).toEqual({ model: 'm', inputs: [{ type: 'text', text: 'x' }], encoding: 'float', extra: {} })
  })

  test('bad input is a 400 naming the param', () => {
    expect(paramOf({ input: 'x' })).toEqual([400, 'model'])
    expect(paramOf({ model: 'm', input: [] })).toEqual([400, 'input'])
    expect(paramOf({ model: 'm', input: ['a', 1] })).toEqual([400, 'input'])
    expect(paramOf({ model: 'm', input: [[1], 'a'] })).toEqual([400, 'input'])
    expect(paramOf({ model: 'm', input: 'x', encoding_format: 'int8' })).toEqual([400, 'encoding_format'])
    expect(paramOf({ model: 'm', input: 'x', dimensions: 0 })).toEqual([400, 'dimensions'])
  })
})
