import { expect, test } from 'bun:test'
import type { CanonicalEmbeddingRequest } from '../../canonical'
import { decodeFloat32Base64 } from '../../formats/openai-embeddings/float32-base64'
import { renderOpenAIEmbeddingsResponse } from './render-openai-embeddings-response'

const request = (encoding: 'float' | 'base64'): CanonicalEmbeddingRequest => ({ model: 'small', inputs: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }], encoding, extra: {} })
// Values of OpenAI's API reference example (float32-representable).
const vectors = [[0.0023064255, -0.009327292, -0.0028842222].map(Math.fround), [1, -1, 0.5]]

test('floats: the list shape of the API reference, the model as asked, usage from the input tokens', () => {
  expect(renderOpenAIEmbeddingsResponse({ model: 'text-embedding-3-small', embeddings: vectors }, { model: 'small', request: request('float'), inputTokens: 8 })).toEqual({
    object: 'list',
    data: [
      { object: 'embedding', index: 0, embedding: vectors[0] },
      { object: 'embedding', index: 1, embedding: vectors[1] },
    ],
    model: 'small',
    usage: { prompt_tokens: 8, total_tokens: 8 },
  })
})

test('base64: little-endian float32, decoding to the same values', () => {
  const rendered = renderOpenAIEmbeddingsResponse({ model: 'm', embeddings: vectors }, { model: 'small', request: request('base64'), inputTokens: 2 })
  expect(rendered.data[1].embedding).toBe('AACAPwAAgL8AAAA/')
  expect(decodeFloat32Base64(rendered.data[0].embedding as string)).toEqual(vectors[0])
})
