import { describe, expect, test } from 'bun:test'
import { encodeFloat32Base64, GatewayError, type CanonicalEmbeddingRequest } from '@tollgate/core'
import { openaiEmbeddings } from './openai-embeddings'

const context = { modelId: 'text-embedding-3-small' }
const request = (overrides: Partial<CanonicalEmbeddingRequest> = {}): CanonicalEmbeddingRequest => ({ model: 'small', inputs: [{ type: 'text', text: 'The food was delicious' }], encoding: 'float', extra: {}, ...overrides })
/** The example response of OpenAI's API reference (its elided values left out). */
const documented = { object: 'list', data: [{ object: 'embedding', embedding: [0.0023064255, -0.009327292, -0.0028842222], index: 0 }], model: 'text-embedding-ada-002', usage: { prompt_tokens: 8, total_tokens: 8 } }

describe('openaiEmbeddings.convertRequest', () => {
  test('texts or token arrays, the client’s encoding, dimensions, user, unknown fields verbatim', () => {
    expect(openaiEmbeddings.convertRequest(request({ encoding: 'base64', dimensions: 256, user: 'u', extra: { 'openai-embeddings': { service_tier: 'flex' } } }), context)).toEqual({
      body: { model: 'text-embedding-3-small', input: ['The food was delicious'], encoding_format: 'base64', dimensions: 256, user: 'u', service_tier: 'flex' },
    })
    expect(openaiEmbeddings.convertRequest(request({ inputs: [{ type: 'tokens', tokens: [1, 2] }] }), context).body.input).toEqual([[1, 2]])
  })

  test('Gemini’s task type and titles are reported, not sent; mixed inputs are a 400', () => {
    const converted = openaiEmbeddings.convertRequest(request({ taskType: 'RETRIEVAL_DOCUMENT', inputs: [{ type: 'text', text: 'a', title: 'T' }], extra: { gemini: { x: 1 } } }), context)
    expect(converted.body).toEqual({ model: 'text-embedding-3-small', input: ['a'], encoding_format: 'float' })
    expect(converted.warnings?.map((warning) => warning.param)).toEqual(['title', 'taskType'])
    expect(() => openaiEmbeddings.convertRequest(request({ inputs: [{ type: 'text', text: 'a' }, { type: 'tokens', tokens: [1] }] }), context)).toThrow(GatewayError)
  })
})

describe('openaiEmbeddings.convertResponse', () => {
  test('the documented float answer: vectors, the model, prompt_tokens as input tokens', () => {
    expect(openaiEmbeddings.convertResponse(documented, context)).toEqual({ model: 'text-embedding-ada-002', embeddings: [[0.0023064255, -0.009327292, -0.0028842222]], usage: { inputTokens: 8 } })
  })

  test('base64 vectors decode (and re-encode to the same text); data is put in index order', () => {
    const first = encodeFloat32Base64([1, 2])
    const second = encodeFloat32Base64([0.0023064255])
    const converted = openaiEmbeddings.convertResponse({ data: [{ index: 1, embedding: second }, { index: 0, embedding: first }], model: 'm', usage: { prompt_tokens: 3 } }, context)
    expect(converted.embeddings[0]).toEqual([1, 2])
    expect(encodeFloat32Base64(converted.embeddings[1])).toBe(second)
  })

  test('an answer without data or with a strange vector is a 502', () => {
    expect(() => openaiEmbeddings.convertResponse({}, context)).toThrow('without data')
    expect(() => openaiEmbeddings.convertResponse({ data: [{ index: 0, embedding: 7 }] }, context)).toThrow('neither numbers nor base64')
  })
})
