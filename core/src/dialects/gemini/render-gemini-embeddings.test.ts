import { expect, test } from 'bun:test'
import { renderGeminiEmbeddings } from './render-gemini-embeddings'

const response = { model: 'gemini-embedding-001', embeddings: [[0.1, 0.2], [0.3, 0.4]] }

test(':embedContent answers one embedding, :batchEmbedContents all of them in order', () => {
  expect(renderGeminiEmbeddings({ ...response, embeddings: [[0.1, 0.2]] }, { options: { method: 'embedContent' } })).toEqual({ embedding: { values: [0.1, 0.2] } })
  expect(renderGeminiEmbeddings(response, { options: { method: 'batchEmbedContents' } })).toEqual({ embeddings: [{ values: [0.1, 0.2] }, { values: [0.3, 0.4] }] })
})
