/** Whose model-list shape a client expects. */
export type ModelListFamily = 'openai' | 'anthropic' | 'gemini'

/**
 * `GET /v1/models` is every SDK's path; the headers tell them apart: Anthropic's SDKs send
 * `anthropic-version`; Google's send `x-goog-api-key` (or `x-goog-api-client`). Everything else
 * gets OpenAI's shape.
 */
export function modelListFamily(headers: Headers): ModelListFamily {
  if (headers.has('anthropic-version')) return 'anthropic'
  if (headers.has('x-goog-api-key') || headers.has('x-goog-api-client')) return 'gemini'
  return 'openai'
}
