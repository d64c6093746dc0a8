import type { Usage } from '../../canonical/usage'
import { convertOpenAIResponsesStreamError } from '../../formats/openai-responses/convert-openai-responses-error'
import { convertOpenAIResponsesUsage } from '../../formats/openai-responses/convert-openai-responses-usage'
import type { RenderContext, TapResult } from '../../plugin/dialect'
import type { SseEvent } from '../../sse/sse-parser'

const NOTHING: TapResult = Object.freeze({})

function parse(data: string): any {
  try {
    return JSON.parse(data)
  } catch {
    return undefined
  }
}

/**
 * Same-format fast path: usage and errors from OpenAI's own Responses events while they are
 * forwarded verbatim. Only terminal events are parsed (chosen by the SSE event name); deltas never
 * are. response.completed and response.incomplete carry the final usage and end the stream
 * cleanly. An `error` event is forwarded and remembered: OpenAI follows it with response.failed,
 * which the client needs too (Codex CLI reads the failure from it), so that one ends the stream.
 */
export function createOpenAIResponsesTap(context: RenderContext) {
  let pendingError: ReturnType<typeof convertOpenAIResponsesStreamError> | undefined
  return {
    tap(event: SseEvent): TapResult {
      switch (event.event) {
        case 'response.completed':
        case 'response.incomplete': {
          const terminal = parse(event.data)
          const usage = convertOpenAIResponsesUsage(terminal?.response?.usage)
          // Priced by the gateway: the final response's usage carries `cost` (USD).
          const cost = context.priceUsage?.(usage)
          const usageObject = terminal?.response?.usage
          if (cost === undefined || !usageObject || typeof usageObject !== 'object') return { usage, done: true }
          usageObject.cost = cost
          return { usage, done: true, data: JSON.stringify(terminal) }
        }
        case 'error':
          pendingError = convertOpenAIResponsesStreamError(parse(event.data))
          return NOTHING
        case 'response.failed': {
          const response = parse(event.data)?.response
          const error = response?.error ? convertOpenAIResponsesStreamError(response.error) : (pendingError ?? convertOpenAIResponsesStreamError(undefined))
          const result: TapResult = { error: { status: error.status, message: error.message, type: error.type } }
          if (response?.usage) result.usage = convertOpenAIResponsesUsage(response.usage)
          return result
        }
      }
      return NOTHING
    },
    usageFromBody(body: any): Usage {
      return convertOpenAIResponsesUsage(body?.usage)
    },
    addCostToBody(body: any, cost: number) {
      if (body?.usage && typeof body.usage === 'object') body.usage.cost = cost
    },
  }
}
