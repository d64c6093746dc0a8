import { expect, test } from 'bun:test'
import { requestKind } from './request-kind'

test('token counting is free, embeddings reserve no output, everything else generates', () => {
  expect(['/v1/messages/count_tokens', '/v1beta/models/gemini-2.5-flash:countTokens'].map((path) => requestKind({ path }))).toEqual(['count', 'count'])
  expect(['/v1/embeddings', '/v1beta/models/gemini-embedding-001:embedContent', '/v1/models/x:batchEmbedContents'].map((path) => requestKind({ path }))).toEqual(['embedding', 'embedding', 'embedding'])
  expect(['/v1/chat/completions', '/v1/messages', '/v1/responses', '/v1/completions', '/v1beta/models/m:streamGenerateContent'].map((path) => requestKind({ path }))).toEqual(Array(5).fill('generate'))
})
