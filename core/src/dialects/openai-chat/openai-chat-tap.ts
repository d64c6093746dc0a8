import type { Usage } from '../../canonical/usage'
import type { RenderContext, TapResult } from '../../plugin/dialect'
import type { SseEvent } from '../../sse/sse-parser'
import { convertOpenAIChatUsage } from '../../formats/openai-chat/convert-openai-chat-usage'
import type { OpenAIChatChunk, OpenAIChatErrorObject } from '../../formats/openai-chat/openai-chat-types'

const NOTHING: TapResult = Object.freeze({})
const DONE: TapResult = Object.freeze({ done: true })

function parse(data: string): OpenAIChatChunk | undefined {
  try {
    return JSON.parse(data)
  } catch {
    return undefined
  }
}

/**
 * Fast-path tap over an upstream OpenAI Chat stream (the gateway forced `include_usage`). Only the
 * rare chunks that can matter are parsed: a usage object (`"usage":{`) or an `{"error"` frame.
 * The usage chunk (`choices: []`) is dropped when the client did not ask for usage itself.
 */
export function createOpenAIChatTap(context: RenderContext) {
  function tap(event: SseEvent): TapResult {
    const data = event.data
    if (data === '[DONE]') return DONE
    if (data.startsWith('{"error"')) {
      const error: Partial<OpenAIChatErrorObject> & { status?: unknown } = parse(data)?.error ?? {}
      const status = typeof error.status === 'number' ? error.status : 502
      return { error: { status, message: error.message ?? 'Upstream stream error', type: error.type ?? undefined } }
    }
    if (!data.includes('"usage":{')) return NOTHING
    const chunk = parse(data)
    if (!chunk) return NOTHING
    const usage = convertOpenAIChatUsage(chunk.usage)
    const usageOnly = Array.isArray(chunk.choices) && chunk.choices.length === 0
    if (usageOnly && !context.includeUsage) return { usage, drop: true }
    // Priced by the gateway: the client's usage chunk carries `cost` (USD).
    const cost = context.priceUsage?.(usage)
    if (cost === undefined || !chunk.usage) return { usage }
    chunk.usage.cost = cost
    return { usage, data: JSON.stringify(chunk) }
  }

  function usageFromBody(body: any): Usage {
    return convertOpenAIChatUsage(body?.usage)
  }

  function addCostToBody(body: any, cost: number) {
    if (body?.usage && typeof body.usage === 'object') body.usage.cost = cost
  }

  return { tap, usageFromBody, addCostToBody }
}
