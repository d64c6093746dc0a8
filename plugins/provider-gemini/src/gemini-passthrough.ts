import type { ConversionContext } from '@tollgate/core'
import { geminiModelPath } from './convert-to-gemini-request'

/**
 * Same-format fast path: a Gemini client's body goes upstream as sent (unknown fields, snake_case
 * names and signatures untouched): the model is in the URL, not the body. The input is not mutated.
 */
export function prepareGeminiPassthroughBody(body: Record<string, unknown>, _context: ConversionContext): Record<string, unknown> {
  return { ...body }
}

/** The fast path's URL path: the routed model, and SSE for streams (`alt=sse`; see the dialect's tap). */
export function geminiPassthroughPath(context: ConversionContext, stream: boolean): string {
  return geminiModelPath(context.modelId, stream)
}
