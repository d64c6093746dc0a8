import type { CanonicalEmbeddingRequest, EmbeddingInput } from '../../canonical'
import { GatewayError } from '../../errors/gateway-error'

export const OPENAI_EMBEDDINGS_WIRE = 'openai-embeddings'

const MAPPED = new Set(['model', 'input', 'encoding_format', 'dimensions', 'user'])
const invalid = (message: string, param: string) => new GatewayError({ status: 400, message, param })
const isTokens = (value: unknown): value is number[] => Array.isArray(value) && value.length > 0 && value.every((item) => Number.isInteger(item))

/** `input`: a string, strings, one token-id array or several → canonical inputs (a mix is refused). */
function readInputs(input: unknown): EmbeddingInput[] {
  if (typeof input === 'string') return [{ type: 'text', text: input }]
  if (!Array.isArray(input) || input.length === 0) throw invalid("'input' must be a string or a non-empty array of strings or token ids", 'input')
  if (input.every((item) => typeof item === 'string')) return input.map((text) => ({ type: 'text', text }))
  if (isTokens(input)) return [{ type: 'tokens', tokens: input }]
  if (input.every(isTokens)) return input.map((tokens) => ({ type: 'tokens', tokens }))
  throw invalid("'input' must be all strings, one array of token ids, or all arrays of token ids", 'input')
}

/** An OpenAI embeddings request → canonical. Unmapped fields go to `extra['openai-embeddings']` verbatim. */
export function openAIEmbeddingsToCanonical(body: Record<string, unknown>): CanonicalEmbeddingRequest {
  if (typeof body.model !== 'string' || body.model === '') throw invalid("'model' is required", 'model')
  const encoding = body.encoding_format ?? 'float'
  if (encoding !== 'float' && encoding !== 'base64') throw invalid("'encoding_format' must be 'float' or 'base64'", 'encoding_format')
  const request: CanonicalEmbeddingRequest = { model: body.model, inputs: readInputs(body.input), encoding, extra: {} }
  if (body.dimensions !== undefined && body.dimensions !== null) {
    if (!Number.isInteger(body.dimensions) || (body.dimensions as number) < 1) throw invalid("'dimensions' must be a positive integer", 'dimensions')
    request.dimensions = body.dimensions as number
  }
  if (typeof body.user === 'string') request.user = body.user
  const extra: Record<string, unknown> = {}
  for (const key in body) if (!MAPPED.has(key)) extra[key] = body[key]
  if (Object.keys(extra).length > 0) request.extra[OPENAI_EMBEDDINGS_WIRE] = extra
  return request
}
