import type { ModelInfo } from '@tollgate/core'

/** Gemini API embedding models (input token limit as the context window; 3,072 dimensions, shortened with `dimensions`). */
export const geminiEmbeddingModels: ModelInfo[] = [{ id: 'gemini-embedding-001', type: 'embedding', contextWindow: 2_048 }]
