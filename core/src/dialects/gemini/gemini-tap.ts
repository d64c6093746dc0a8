import type { Usage } from '../../canonical/usage'
import { convertGeminiUsage, type GeminiGenerateContentResponse } from '../../formats/gemini'
import type { RenderContext, TapResult } from '../../plugin/dialect'
import type { SseEvent } from '../../sse/sse-parser'

const NOTHING: TapResult = Object.freeze({})
const ERROR_FRAME = /^\s*\{\s*"error"\s*:/

function parse(data: string): any {
  try {
    return JSON.parse(data)
  } catch {
    return undefined
  }
}

/**
 * Same-format fast path over an upstream Gemini SSE stream, forwarded verbatim. Gemini repeats a
 * cumulative usageMetadata on every chunk, so parsing one chunk is enough to know the usage so far;
 * the tap parses only two kinds: the first chunk (the input counts, so an aborted stream is still
 * metered for its prompt) and the last one, recognised without parsing by a `"finishReason"` or
 * `"blockReason"` key, which holds the final usage and is the clean end (`done`). An
 * `{"error": ...}` frame ends the stream in error with its code. Other chunks are never parsed.
 */
export function createGeminiTap(context: RenderContext) {
  let first = true

  function tap(event: SseEvent): TapResult {
    const data = event.data
    if (ERROR_FRAME.test(data)) {
      const error = parse(data)?.error
      const status = typeof error?.code === 'number' && error.code >= 400 ? error.code : 502
      return { error: { status, message: typeof error?.message === 'string' ? error.message : 'Upstream stream error', ...(typeof error?.status === 'string' && { type: error.status }) } }
    }
    const last = data.includes('"finishReason"') || data.includes('"blockReason"')
    if (!first && !last) return NOTHING
    first = false
    const chunk: GeminiGenerateContentResponse | undefined = parse(data)
    if (!chunk) return NOTHING
    const usage = chunk.usageMetadata ? { usage: convertGeminiUsage(chunk.usageMetadata) } : {}
    const done = chunk.candidates?.some((candidate) => typeof candidate.finishReason === 'string') || typeof chunk.promptFeedback?.blockReason === 'string'
    if (!done) return usage
    // Priced by the gateway: the last chunk's usageMetadata carries `cost` (USD).
    const cost = usage.usage && context.priceUsage?.(usage.usage)
    if (cost === undefined || !chunk.usageMetadata) return { ...usage, done: true }
    chunk.usageMetadata.cost = cost
    return { ...usage, done: true, data: JSON.stringify(chunk) }
  }

  function usageFromBody(body: any): Usage {
    return convertGeminiUsage(body?.usageMetadata)
  }

  function addCostToBody(body: any, cost: number) {
    if (body?.usageMetadata && typeof body.usageMetadata === 'object') body.usageMetadata.cost = cost
  }

  return { tap, usageFromBody, addCostToBody }
}
