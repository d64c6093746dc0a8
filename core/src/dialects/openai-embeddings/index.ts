import type { EmbeddingDialect } from '../../pipeline/handle-embeddings'
import { openAIChatDialect } from '../openai-chat'
import { OPENAI_EMBEDDINGS_WIRE, openAIEmbeddingsToCanonical } from './openai-embeddings-to-canonical'
import { renderOpenAIEmbeddingsResponse } from './render-openai-embeddings-response'

/** The OpenAI embeddings surface (`POST /v1/embeddings`); errors in the OpenAI envelope. */
export const openAIEmbeddingsDialect: EmbeddingDialect = {
  id: OPENAI_EMBEDDINGS_WIRE,
  errors: openAIChatDialect,
  readTarget: (body) => ({ model: typeof body.model === 'string' ? body.model : '' }),
  toCanonical: (body) => openAIEmbeddingsToCanonical(body),
  renderResponse: renderOpenAIEmbeddingsResponse,
}

export { OPENAI_EMBEDDINGS_WIRE, openAIEmbeddingsToCanonical } from './openai-embeddings-to-canonical'
export { renderOpenAIEmbeddingsResponse } from './render-openai-embeddings-response'
export { OpenAIEmbeddingsRequestSchema, OpenAIEmbeddingsResponseSchema } from './openai-embeddings-schema'
