import type { CanonicalEmbeddingRequest, EmbeddingInput } from '../../canonical'
import { GatewayError } from '../../errors/gateway-error'
import { GEMINI_WIRE, normalizeGeminiKeys } from '../../formats/gemini'

type Body = Record<string, unknown>
const invalid = (message: string, param: string) => new GatewayError({ status: 400, message, param })
const isRecord = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value)
const MAPPED = new Set(['model', 'content', 'taskType', 'title', 'outputDimensionality'])
/** `requests[0].content`, or `content` for the single request (the body itself). */
const at = (prefix: string, name: string) => (prefix === '' ? name : `${prefix}.${name}`)

/** One `EmbedContentRequest` (the body of `:embedContent`, an item of `:batchEmbedContents`). */
function readRequest(request: unknown, param: string): { input: EmbeddingInput; taskType?: string; dimensions?: number; extra: Body } {
  if (!isRecord(request)) throw invalid(`'${param || 'body'}' must be an object`, param || 'body')
  const content = request.content
  if (!isRecord(content) || !Array.isArray(content.parts) || content.parts.length === 0) throw invalid(`'${at(param, 'content')}' must have parts`, at(param, 'content'))
  const texts = content.parts.map((part, index) => {
    if (!isRecord(part) || typeof part.text !== 'string') throw invalid('Only text parts can be embedded', at(param, `content.parts[${index}]`))
    return part.text
  })
  const input: EmbeddingInput = { type: 'text', text: texts.join('\n') }
  if (typeof request.title === 'string') input.title = request.title
  const dimensions = request.outputDimensionality
  if (dimensions !== undefined && dimensions !== null && (!Number.isInteger(dimensions) || (dimensions as number) < 1)) {
    throw invalid(`'${at(param, 'outputDimensionality')}' must be a positive integer`, at(param, 'outputDimensionality'))
  }
  const extra: Body = {}
  for (const key in request) if (!MAPPED.has(key)) extra[key] = request[key]
  return { input, taskType: typeof request.taskType === 'string' ? request.taskType : undefined, dimensions: (dimensions ?? undefined) as number | undefined, extra }
}

/**
 * Gemini `:embedContent` (`{content, taskType?, title?, outputDimensionality?}`) or
 * `:batchEmbedContents` (`{requests: [...]}`) → canonical: one input per content (its text parts
 * joined by newlines). A batch shares one task type and dimensionality (a mix is a 400); titles
 * are per input. Unmapped fields (of the body, or of the first batch item) go to `extra.gemini`.
 * snake_case names are accepted.
 */
export function geminiEmbeddingsToCanonical(body: Body, target: { model: string; options?: Record<string, unknown> }): CanonicalEmbeddingRequest {
  const normalized = normalizeGeminiKeys(body) as Body
  let items: ReturnType<typeof readRequest>[]
  if (target.options?.method === 'batchEmbedContents') {
    if (!Array.isArray(normalized.requests) || normalized.requests.length === 0) throw invalid("'requests' must be a non-empty array", 'requests')
    items = normalized.requests.map((request, index) => readRequest(request, `requests[${index}]`))
  } else items = [readRequest(normalized, '')]
  const [first] = items
  items.forEach((item, index) => {
    if (item.taskType !== first.taskType) throw invalid('Every request of a batch must have the same taskType', `requests[${index}].taskType`)
    if (item.dimensions !== first.dimensions) throw invalid('Every request of a batch must have the same outputDimensionality', `requests[${index}].outputDimensionality`)
  })
  const request: CanonicalEmbeddingRequest = { model: target.model, inputs: items.map((item) => item.input), encoding: 'float', extra: {} }
  if (first.taskType !== undefined) request.taskType = first.taskType
  if (first.dimensions !== undefined) request.dimensions = first.dimensions
  if (Object.keys(first.extra).length > 0) request.extra[GEMINI_WIRE] = first.extra
  return request
}
