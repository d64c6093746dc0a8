import type { ModelInfo } from '@tollgate/core'

/** OpenAI embedding models (`POST /v1/embeddings`; input limit 8,191 tokens). */
export const openaiEmbeddingModels: ModelInfo[] = [
  { id: 'text-embedding-3-small', type: 'embedding', contextWindow: 8_191 },
  { id: 'text-embedding-3-large', type: 'embedding', contextWindow: 8_191 },
  { id: 'text-embedding-ada-002', type: 'embedding', contextWindow: 8_191 },
]
