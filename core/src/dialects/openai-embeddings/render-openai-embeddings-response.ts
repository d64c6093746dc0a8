import type { CanonicalEmbeddingRequest, CanonicalEmbeddingResponse } from '../../canonical'
import { encodeFloat32Base64 } from '../../formats/openai-embeddings/float32-base64'

/**
 * Canonical embeddings → OpenAI's list: vectors as numbers, or base64 of little-endian float32
 * when the client asked for `encoding_format: "base64"`. The model shown is the one asked for.
 */
export function renderOpenAIEmbeddingsResponse(response: CanonicalEmbeddingResponse, context: { model: string; request: CanonicalEmbeddingRequest; inputTokens: number }) {
  const base64 = context.request.encoding === 'base64'
  return {
    object: 'list' as const,
    data: response.embeddings.map((vector, index) => ({ object: 'embedding' as const, index, embedding: base64 ? encodeFloat32Base64(vector) : vector })),
    model: context.model,
    usage: { prompt_tokens: context.inputTokens, total_tokens: context.inputTokens },
  }
}
