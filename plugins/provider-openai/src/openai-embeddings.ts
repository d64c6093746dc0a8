import { decodeFloat32Base64, GatewayError, type CanonicalEmbeddingResponse, type EmbeddingsOperation, type Warning } from '@tollgate/core'

const WIRE = 'openai-embeddings'
const malformed = (message: string) => new GatewayError({ status: 502, type: 'upstream_error', code: 'upstream_malformed_response', message })

interface OpenAIEmbeddingsBody {
  data?: Array<{ index?: number; embedding?: unknown }>
  model?: string
  usage?: { prompt_tokens?: unknown }
}

/**
 * OpenAI embeddings (`POST /v1/embeddings`). The upstream is asked for the client's own encoding,
 * so base64 vectors reach an OpenAI client byte for byte and float vectors print as OpenAI printed
 * them. An OpenAI client's unmapped fields are merged verbatim; Gemini's task type has no OpenAI
 * equivalent (reported, not sent).
 */
export const openaiEmbeddings: EmbeddingsOperation = {
  wireFormat: WIRE,
  endpoint: '/embeddings',
  convertRequest(request, context) {
    const warnings: Warning[] = []
    const texts = request.inputs.every((input) => input.type === 'text')
    if (!texts && !request.inputs.every((input) => input.type === 'tokens')) throw new GatewayError({ status: 400, param: 'input', message: 'Inputs must be all texts or all token-id arrays' })
    const input = request.inputs.map((item) => (item.type === 'text' ? item.text : item.tokens))
    if (request.inputs.some((item) => item.type === 'text' && item.title !== undefined)) warnings.push({ param: 'title', message: 'OpenAI embeddings take no document title; not sent' })
    if (request.taskType !== undefined) warnings.push({ param: 'taskType', message: 'OpenAI embeddings have no task type; not sent' })
    const body: Record<string, unknown> = { model: context.modelId, input, encoding_format: request.encoding }
    if (request.dimensions !== undefined) body.dimensions = request.dimensions
    if (request.user !== undefined) body.user = request.user
    Object.assign(body, request.extra[WIRE])
    return warnings.length > 0 ? { body, warnings } : { body }
  },
  convertResponse(body: OpenAIEmbeddingsBody, context): CanonicalEmbeddingResponse {
    if (!Array.isArray(body?.data)) throw malformed('OpenAI answered embeddings without data')
    const ordered = [...body.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
    const embeddings = ordered.map(({ embedding }) => {
      if (typeof embedding === 'string') return decodeFloat32Base64(embedding)
      if (Array.isArray(embedding)) return embedding as number[]
      throw malformed('OpenAI answered an embedding that is neither numbers nor base64')
    })
    const tokens = body.usage?.prompt_tokens
    return { model: body.model ?? context.modelId, embeddings, ...(typeof tokens === 'number' && { usage: { inputTokens: tokens } }) }
  },
}
