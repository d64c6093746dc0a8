import { GatewayError } from '../../errors/gateway-error'
import type { RequestTarget } from '../../plugin/dialect'

/** How a streamed answer is framed: `alt=sse` asks for Server-Sent Events, otherwise one JSON array. */
export type GeminiStreamFormat = 'sse' | 'json-array'

const METHODS: Record<string, boolean> = { generateContent: false, streamGenerateContent: true }

function notFound(message: string): GatewayError {
  return new GatewayError({ status: 404, message, code: 'method_not_found' })
}

/**
 * Model and method from the route `POST /v1beta/models/:target`, where `target` is
 * `<model>:<method>` (e.g. `gemini-2.5-flash:streamGenerateContent`, a `models/` prefix accepted).
 * `streamGenerateContent` streams: as SSE with `?alt=sse`, else as a JSON array (Google's default).
 * Gemini always reports usage, so `includeUsage` is true.
 */
export function readGeminiTarget(_body: unknown, request: { url: string; params: Record<string, string> }): RequestTarget {
  let target: string
  try {
    target = decodeURIComponent(request.params.target ?? request.params['*'] ?? '').replace(/^models\//, '')
  } catch {
    throw new GatewayError({ status: 400, message: 'The model name in the URL is not valid percent-encoding', param: 'model' })
  }
  const colon = target.lastIndexOf(':')
  if (colon <= 0) throw notFound(`Expected models/{model}:generateContent or :streamGenerateContent, got '${target}'`)
  const model = target.slice(0, colon)
  const method = target.slice(colon + 1)
  const stream = METHODS[method]
  if (stream === undefined) throw notFound(`Method '${method}' is not served on models/${model} (generateContent and streamGenerateContent are)`)
  const streamFormat: GeminiStreamFormat = new URL(request.url, 'http://localhost').searchParams.get('alt') === 'sse' ? 'sse' : 'json-array'
  const maxOutputTokens = (_body as { generationConfig?: { maxOutputTokens?: unknown } } | undefined)?.generationConfig?.maxOutputTokens
  return { model, stream, includeUsage: true, maxOutputTokens: typeof maxOutputTokens === 'number' ? maxOutputTokens : undefined, options: { streamFormat, method } }
}
