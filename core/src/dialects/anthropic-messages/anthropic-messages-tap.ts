import type { Usage } from '../../canonical'
import type { RenderContext, TapResult } from '../../plugin/dialect'
import type { SseEvent } from '../../sse/sse-parser'
import { anthropicErrorStatus, convertAnthropicUsage, mergeAnthropicUsage, type AnthropicUsage } from '../../formats/anthropic-messages'

const NOTHING: TapResult = Object.freeze({})
const DONE: TapResult = Object.freeze({ done: true })

function parse(data: string): any {
  try {
    return JSON.parse(data)
  } catch {
    return undefined
  }
}

/**
 * Same-format fast path: read usage and errors from Anthropic's own events while they are forwarded
 * verbatim. Only message_start, message_delta and error are parsed (chosen by the SSE event name);
 * content deltas are never parsed. Usage is cumulative: the latest non-null value of each counter.
 */
export function createAnthropicMessagesTap(context: RenderContext) {
  let usage: AnthropicUsage = {}
  return {
    tap(event: SseEvent): TapResult {
      switch (event.event) {
        case 'message_start':
          usage = mergeAnthropicUsage(usage, parse(event.data)?.message?.usage)
          return { usage: convertAnthropicUsage(usage) }
        case 'message_delta': {
          const delta = parse(event.data)
          usage = mergeAnthropicUsage(usage, delta?.usage)
          const final = convertAnthropicUsage(usage)
          // Priced by the gateway: message_delta's usage (the final one) carries `cost` (USD).
          const cost = context.priceUsage?.(final)
          if (cost === undefined || !delta?.usage || typeof delta.usage !== 'object') return { usage: final }
          delta.usage.cost = cost
          return { usage: final, data: JSON.stringify(delta) }
        }
        case 'message_stop':
          return DONE
        case 'error': {
          const error = parse(event.data)?.error
          const status = anthropicErrorStatus(error?.type)
          const message = typeof error?.message === 'string' ? error.message : 'Upstream stream error'
          return { error: { status: status === 529 ? 503 : status, message, type: error?.type } }
        }
      }
      return NOTHING
    },
    usageFromBody(body: any): Usage {
      return convertAnthropicUsage(body?.usage)
    },
    addCostToBody(body: any, cost: number) {
      if (body?.usage && typeof body.usage === 'object') body.usage.cost = cost
    },
  }
}
