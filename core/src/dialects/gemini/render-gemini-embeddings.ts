import type { CanonicalEmbeddingResponse } from '../../canonical'

/** Canonical embeddings → `:embedContent`'s `{embedding: {values}}`, or `:batchEmbedContents`' `{embeddings: [{values}]}`. */
export function renderGeminiEmbeddings(response: CanonicalEmbeddingResponse, context: { options?: Record<string, unknown> }) {
  if (context.options?.method === 'batchEmbedContents') return { embeddings: response.embeddings.map((values) => ({ values })) }
  return { embedding: { values: response.embeddings[0] } }
}
