import type { CanonicalEmbeddingRequest, CanonicalEmbeddingResponse, EmbeddingInput } from '@tollgate/core'

/** Dimensions of a mock vector when the request names none. */
export const MOCK_EMBEDDING_DIMENSIONS = 16

/** FNV-1a of the input: the seed of its vector. */
function seedOf(input: EmbeddingInput): number {
  const text = input.type === 'text' ? input.text : input.tokens.join(',')
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
  return hash >>> 0 || 1
}

/** A unit vector that depends only on the input and the dimensions (xorshift32 → [-1, 1], float32 values). */
export function mockVector(input: EmbeddingInput, dimensions: number): number[] {
  let state = seedOf(input)
  const raw = Array.from({ length: dimensions }, () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return ((state >>> 0) / 0xffffffff) * 2 - 1
  })
  const norm = Math.hypot(...raw) || 1
  return raw.map((value) => Math.fround(value / norm))
}

/**
 * The mock's embeddings, a pure function of the request: one deterministic unit vector per input
 * (same text, same vector), `dimensions` long (16 by default); input tokens are 4 characters each
 * (token-id inputs count their ids).
 */
export function generateMockEmbeddings(request: CanonicalEmbeddingRequest): CanonicalEmbeddingResponse {
  const dimensions = request.dimensions ?? MOCK_EMBEDDING_DIMENSIONS
  const inputTokens = request.inputs.reduce((sum, input) => sum + (input.type === 'text' ? Math.ceil(input.text.length / 4) : input.tokens.length), 0)
  return { model: request.model, embeddings: request.inputs.map((input) => mockVector(input, dimensions)), usage: { inputTokens } }
}
