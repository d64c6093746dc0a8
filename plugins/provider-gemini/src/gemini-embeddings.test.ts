import { describe, expect, test } from 'bun:test'
import { GatewayError, type CanonicalEmbeddingRequest } from '@tollgate/core'
import { geminiEmbeddings } from './gemini-embeddings'

const context = { modelId: 'gemini-embedding-001' }
const request = (overrides: Partial<CanonicalEmbeddingRequest> = {}): CanonicalEmbeddingRequest => ({
  model: 'gemini-embedding-001',
  inputs: [{ type: 'text', text: 'What is the meaning of life?' }, { type: 'text', text: 'How do I bake a cake?', title: 'Baking' }],
  encoding: 'base64',
  extra: {},
  ...overrides,
})

describe('geminiEmbeddings.convertRequest', () => {
  test('every input is one batchEmbedContents request with the model, task type, title and dimensions', () => {
    expect(geminiEmbeddings.convertRequest(request({ taskType: 'RETRIEVAL_DOCUMENT', dimensions: 768, extra: { gemini: { futureField: true } } }), context)).toEqual({
      path: '/v1beta/models/gemini-embedding-001:batchEmbedContents',
      body: {
        requests: [
          { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'What is the meaning of life?' }] }, taskType: 'RETRIEVAL_DOCUMENT', outputDimensionality: 768, futureField: true },
          { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'How do I bake a cake?' }] }, taskType: 'RETRIEVAL_DOCUMENT', title: 'Baking', outputDimensionality: 768, futureField: true },
        ],
      },
    })
  })

  test('the end-user id is reported; token-id inputs are a 400 naming the input', () => {
    expect(geminiEmbeddings.convertRequest(request({ user: 'u' }), context).warnings).toEqual([{ param: 'user', message: 'Gemini has no end-user field; not sent' }])
    try {
      geminiEmbeddings.convertRequest(request({ inputs: [{ type: 'text', text: 'a' }, { type: 'tokens', tokens: [1] }] }), context)
      throw new Error('expected a 400')
    } catch (error) {
      expect(error instanceof GatewayError && [error.status, error.param]).toEqual([400, 'input[1]'])
    }
  })
})

describe('geminiEmbeddings.convertResponse', () => {
  test('BatchEmbedContentsResponse (API reference shape) → vectors in order; no usage reported → none (the gateway estimates)', () => {
    expect(geminiEmbeddings.convertResponse({ embeddings: [{ values: [0.1, -0.2] }, { values: [0.3, 0.4] }] }, context)).toEqual({ model: 'gemini-embedding-001', embeddings: [[0.1, -0.2], [0.3, 0.4]] })
    expect(geminiEmbeddings.convertResponse({ embeddings: [{ values: [1] }], usageMetadata: { promptTokenCount: 9 } }, context).usage).toEqual({ inputTokens: 9 })
  })

  test('an answer without embeddings or values is a 502', () => {
    expect(() => geminiEmbeddings.convertResponse({}, context)).toThrow('without embeddings')
    expect(() => geminiEmbeddings.convertResponse({ embeddings: [{}] }, context)).toThrow('without values')
  })
})
