import { GEMINI_WIRE } from '../../formats/gemini'
import type { Dialect } from '../../plugin/dialect'
import { createGeminiStreamRenderer } from './gemini-stream-renderer'
import { createGeminiTap } from './gemini-tap'
import { geminiToCanonical } from './gemini-to-canonical'
import { readGeminiTarget } from './read-gemini-target'
import { renderGeminiError } from './render-gemini-error'
import { renderGeminiResponse } from './render-gemini-response'

/**
 * The Gemini dialect (`POST /v1beta/models/{model}:generateContent` and `:streamGenerateContent`,
 * SSE with `?alt=sse`, else a streamed JSON array). The model and stream flag come from the URL.
 */
export const geminiDialect: Dialect = {
  id: GEMINI_WIRE,
  readTarget: readGeminiTarget,
  toCanonical: geminiToCanonical,
  renderResponse: renderGeminiResponse,
  createStreamRenderer: createGeminiStreamRenderer,
  renderError: renderGeminiError,
  createTap: createGeminiTap,
  // The upstream is always asked for SSE; a JSON-array client is served through the canonical renderer.
  canPassThrough: (target) => target.options?.streamFormat !== 'json-array',
}

export { geminiToCanonical } from './gemini-to-canonical'
export { readGeminiTarget, type GeminiStreamFormat } from './read-gemini-target'
export { createGeminiStreamRenderer } from './gemini-stream-renderer'
export { createGeminiTap } from './gemini-tap'
export { convertToGeminiError, renderGeminiError } from './render-gemini-error'
export { renderGeminiResponse, renderGeminiUsage } from './render-gemini-response'
export { GeminiErrorSchema, GeminiGenerateContentRequestSchema, GeminiGenerateContentResponseSchema } from './gemini-schema'
