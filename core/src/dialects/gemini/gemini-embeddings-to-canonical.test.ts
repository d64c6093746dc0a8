import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { geminiEmbeddingsToCanonical } from './gemini-embeddings-to-canonical'

const single = { model: 'gemini-embedding-001', options: { method: 'embedContent' } }
const batch = { model: 'gemini-embedding-001', options: { method: 'batchEmbedContents' } }
const paramOf = (body: Record<string, unknown>, target = batch) => {
  try {
    geminiEmbeddingsToCanonical(body, target)
  } catch (error) {
    if (error instanceof GatewayError) return [error.status, error.param]
    throw error
  }
  throw new Error('expected a 400')
}

describe('geminiEmbeddingsToCanonical', () => {
  test(':embedContent: one input (text parts joined), task type, title, dimensions; unknown fields to extra.gemini', () => {
    const body = { content: { parts: [{ text: 'What is the meaning' }, { text: 'of life?' }] }, taskType: 'RETRIEVAL_DOCUMENT', title: 'Life', outputDimensionality: 768, futureField: 1 }
    expect(geminiEmbeddingsToCanonical(body, single)).toEqual({
      model: 'gemini-embedding-001',
      inputs: [{ type: 'text', text: 'What is the meaning\nof life?', title: 'Life' }],
      encoding: 'float',
      taskType: 'RETRIEVAL_DOCUMENT',
      dimensions: 768,
      extra: { gemini: { futureField: 1 } },
    })
  })

  test(':batchEmbedContents: one input per request, in order; snake_case accepted', () => {
    const body = {
      requests: [
        { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'a' }] }, task_type: 'SEMANTIC_SIMILARITY' },
        { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'b' }] }, task_type: 'SEMANTIC_SIMILARITY' },
      ],
    }
    expect(geminiEmbeddingsToCanonical(body, batch)).toEqual({ model: 'gemini-embedding-001', inputs: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }], encoding: 'float', taskType: 'SEMANTIC_SIMILARITY', extra: {} })
  })

  test('non-text parts, empty batches and mixed task types or dimensions are 400s naming the param', () => {
    expect(paramOf({ content: { parts: [{ inlineData: { mimeType: 'image/png', data: 'AA==' } }] } }, single)).toEqual([400, 'content.parts[0]'])
    expect(paramOf({ requests: [] })).toEqual([400, 'requests'])
    expect(paramOf({ requests: [{ content: { parts: [{ text: 'a' }] } }, { content: { parts: [{ text: 'b' }] }, taskType: 'CLUSTERING' }] })).toEqual([400, 'requests[1].taskType'])
    expect(paramOf({ requests: [{ content: { parts: [{ text: 'a' }] }, outputDimensionality: 8 }, { content: { parts: [{ text: 'b' }] } }] })).toEqual([400, 'requests[1].outputDimensionality'])
    expect(paramOf({ requests: [{ content: { parts: [] } }] })).toEqual([400, 'requests[0].content'])
  })
})
