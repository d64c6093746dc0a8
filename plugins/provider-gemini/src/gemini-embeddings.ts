import { GatewayError, GEMINI_WIRE, type CanonicalEmbeddingResponse, type EmbeddingsOperation, type Warning } from '@tollgate/core'

const malformed = (message: string) => new GatewayError({ status: 502, type: 'upstream_error', code: 'upstream_malformed_response', message })

/**
 * Gemini embeddings, always through `:batchEmbedContents` (one call for one or many inputs): each
 * input is one request `{model, content: {parts: [{text}]}, taskType, title, outputDimensionality}`,
 * with a Gemini client's unmapped fields merged in. Token-id inputs are refused (Gemini embeds text).
 * Gemini returns floats; a client that asked for base64 gets them encoded by its dialect.
 */
export const geminiEmbeddings: EmbeddingsOperation = {
  wireFormat: GEMINI_WIRE,
  endpoint: '/v1beta/models',
  convertRequest(request, context) {
    const model = context.modelId.replace(/^models\//, '')
    const warnings: Warning[] = []
    if (request.user !== undefined) warnings.push({ param: 'user', message: 'Gemini has no end-user field; not sent' })
    const extra = request.extra[GEMINI_WIRE]
    const requests = request.inputs.map((input, index) => {
      if (input.type !== 'text') throw new GatewayError({ status: 400, param: `input[${index}]`, message: 'Gemini embeds text; token-id inputs work with OpenAI embedding models only' })
      const item: Record<string, unknown> = { model: `models/${model}`, content: { parts: [{ text: input.text }] } }
      if (request.taskType !== undefined) item.taskType = request.taskType
      if (input.title !== undefined) item.title = input.title
      if (request.dimensions !== undefined) item.outputDimensionality = request.dimensions
      return { ...item, ...extra }
    })
    return { body: { requests }, path: `/v1beta/models/${model}:batchEmbedContents`, ...(warnings.length > 0 && { warnings }) }
  },
  convertResponse(body: { embeddings?: Array<{ values?: unknown }>; usageMetadata?: { promptTokenCount?: unknown; totalTokenCount?: unknown } }, context): CanonicalEmbeddingResponse {
    if (!Array.isArray(body?.embeddings)) throw malformed('Gemini answered batchEmbedContents without embeddings')
    const embeddings = body.embeddings.map((embedding) => {
      if (!Array.isArray(embedding?.values)) throw malformed('Gemini answered an embedding without values')
      return embedding.values as number[]
    })
    const tokens = body.usageMetadata?.promptTokenCount ?? body.usageMetadata?.totalTokenCount
    return { model: context.modelId, embeddings, ...(typeof tokens === 'number' && { usage: { inputTokens: tokens } }) }
  },
}
