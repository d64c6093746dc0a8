import type { CanonicalEmbeddingResponse, EmbeddingsOperation } from '@tollgate/core'

/** The mock's embeddings endpoint: its wire format is the canonical form (see generate-mock-embeddings.ts). */
export const mockEmbeddings: EmbeddingsOperation = {
  wireFormat: 'tollgate-canonical',
  endpoint: '/embeddings',
  convertRequest: (request, context) => ({ body: { ...request, ...request.extra['tollgate-canonical'], model: context.modelId } }),
  convertResponse: (body: CanonicalEmbeddingResponse) => body,
}
