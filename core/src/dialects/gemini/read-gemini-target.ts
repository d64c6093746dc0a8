import { GatewayError } from '../../errors/gateway-error'
import type { RequestTarget } from '../../plugin/dialect'

/** How a streamed answer is framed: `alt=sse` asks for Server-Sent Events, otherwise one JSON array. */
export type GeminiStreamFormat = 'sse' | 'json-array'

/** The model methods served on `models/{model}:{method}`, and the pipeline each belongs to. */
export const GEMINI_METHODS = {
  generateContent: 'generate',
  streamGenerateContent: 'generate',
  countTokens: 'count-tokens',
  embedContent: 'embed',
  batchEmbedContents: 'embed',
} as const

export type GeminiMethod = keyof typeof GEMINI_METHODS

function notFound(message: string): GatewayError {
  return new GatewayError({ status: 404, message, code: 'method_not_found' })
}

/**
 * Model and method from the route `POST /v1beta/models/:target`, where `target` is
 * `<model>:<method>` (e.g. `gemini-2.5-flash:streamGenerateContent`, a `models/` prefix accepted,
 * percent-encoding decoded). An unknown or missing method is a 404.
 */
export function readGeminiMethod(params: Record<string, string>): { model: string; method: GeminiMethod } {
  let target: string
  try {
    target = decodeURIComponent(params.target ?? params['*'] ?? '').replace(/^models\//, '')
  } catch {
    throw new GatewayError({ status: 400, message: 'The model name in the URL is not valid percent-encoding', param: 'model' })
  }
  const colon = target.lastIndexOf(':')
  if (colon <= 0) throw notFound(`Expected models/{model}:{method} (${Object.keys(GEMINI_METHODS).join(', ')}), got '${target}'`)
  const model = target.slice(0, colon)
  const method = target.slice(colon + 1)
  if (!Object.hasOwn(GEMINI_METHODS, method)) throw notFound(`Method '${method}' is not served on models/${model} (${Object.keys(GEMINI_METHODS).join(', ')} are)`)
  return { model, method: method as GeminiMethod }
}

/**
 * The target of a Gemini model call. `streamGenerateContent` streams: as SSE with `?alt=sse`, else
 * as a JSON array (Google's default). Gemini always reports usage, so `includeUsage` is true. The
 * method rides in `options.method` (counting and embedding methods are served by their own pipelines).
 */
export function readGeminiTarget(_body: unknown, request: { url: string; params: Record<string, string> }): RequestTarget {
  const { model, method } = readGeminiMethod(request.params)
  const stream = method === 'streamGenerateContent'
  const streamFormat: GeminiStreamFormat = new URL(request.url, 'http://localhost').searchParams.get('alt') === 'sse' ? 'sse' : 'json-array'
  const maxOutputTokens = (_body as { generationConfig?: { maxOutputTokens?: unknown } } | undefined)?.generationConfig?.maxOutputTokens
  return { model, stream, includeUsage: true, maxOutputTokens: typeof maxOutputTokens === 'number' ? maxOutputTokens : undefined, options: { streamFormat, method } }
}
