import type { ProviderData } from './content'

/** One input to embed: text (with an optional document title, Gemini's `title`) or token ids (OpenAI). */
export type EmbeddingInput = { type: 'text'; text: string; title?: string } | { type: 'tokens'; tokens: number[] }

/** How the client wants the vectors: JSON numbers, or base64 of little-endian float32 (OpenAI's `base64`). */
export type EmbeddingEncoding = 'float' | 'base64'

/**
 * An embeddings request in the gateway's own terms. Each inbound dialect (OpenAI `/v1/embeddings`,
 * Gemini `:embedContent` / `:batchEmbedContents`) converts to it; each provider's embeddings
 * operation converts from it.
 */
export interface CanonicalEmbeddingRequest {
  /** The model as the client asked for it (before routing). */
  model: string
  /** In order; the response has one vector per input, same order. */
  inputs: EmbeddingInput[]
  /** Output dimensions (OpenAI `dimensions`, Gemini `outputDimensionality`), for models that can shorten vectors. */
  dimensions?: number
  /** The encoding the client asked for: a provider that can answer in it does (so bytes round-trip exactly). */
  encoding: EmbeddingEncoding
  /** Gemini's task type (`RETRIEVAL_QUERY`, `RETRIEVAL_DOCUMENT`, `SEMANTIC_SIMILARITY`, ...). */
  taskType?: string
  /** End-user id (OpenAI `user`). */
  user?: string
  /** Fields the inbound dialect did not map, keyed by its wire format; a provider of that format merges them. */
  extra: ProviderData
}

export interface CanonicalEmbeddingResponse {
  /** The model the upstream says served the request. */
  model: string
  /** One vector per input, in input order. */
  embeddings: number[][]
  /** Input tokens as the provider reported them; absent when it reports none (the gateway then estimates). */
  usage?: { inputTokens: number }
}
