import {
  anthropicErrorStatus,
  convertAnthropicUsage,
  mapAnthropicStopReason,
  mergeAnthropicUsage,
  type AnthropicUsage,
  type ConversionContext,
  type SseEvent,
  type StreamConverter,
  type StreamEvent,
} from '@tollgate/core'
import { closeAnthropicBlock, deltaAnthropicBlock, startAnthropicBlock, type OpenBlock } from './anthropic-stream-blocks'
import { convertAnthropicError } from './convert-anthropic-error'

const TRUNCATED: StreamEvent = {
  type: 'error',
  error: { status: 502, type: 'upstream_error', code: 'stream_truncated', message: 'Upstream stream ended before completion' },
}
const UNREADABLE: StreamEvent = {
  type: 'error',
  error: { status: 502, type: 'upstream_error', code: 'invalid_upstream_event', message: 'Anthropic sent an unreadable stream event' },
}

/**
 * Anthropic SSE → canonical events: a state machine over the event names (ping ignored, unknown
 * events skipped). Canonical indexes are Anthropic's. Usage is cumulative (latest non-null counter
 * wins) and reported on each message_delta. Blocks still open at message_stop (a tool input cut by
 * max_tokens) are closed before `finish`. An `error` event ends the stream with the mapped error
 * (overloaded_error → 503 overloaded_error; see convertAnthropicError), without closing blocks.
 */
export function createAnthropicStreamConverter(_context: ConversionContext): StreamConverter {
  const open = new Map<number, OpenBlock>()
  let usage: AnthropicUsage = {}
  let stopReason: string | null = null
  let stopSequence: string | null = null
  let ended = false

  function closeAll(out: StreamEvent[]) {
    for (const [index, state] of open) closeAnthropicBlock(index, state, out)
    open.clear()
    ended = true
    return out
  }

  function finish(): StreamEvent[] {
    return closeAll([]).concat({
      type: 'finish',
      finishReason: mapAnthropicStopReason(stopReason),
      ...(stopReason !== null && { rawFinishReason: stopReason }),
      ...(stopSequence !== null && { stopSequence }),
      usage: convertAnthropicUsage(usage),
    })
  }

  function event(event: SseEvent): StreamEvent[] {
    if (ended || event.event === 'ping') return []
    let data: any
    try {
      data = JSON.parse(event.data)
    } catch {
      ended = true
      return [UNREADABLE]
    }
    const out: StreamEvent[] = []
    switch (event.event ?? data?.type) {
      case 'message_start': {
        const message = data.message ?? {}
        usage = mergeAnthropicUsage(usage, message.usage)
        out.push({ type: 'response-start', id: message.id, model: message.model, created: Math.floor(Date.now() / 1000), usage: convertAnthropicUsage(usage) })
        break
      }
      case 'content_block_start':
        open.set(data.index, startAnthropicBlock(data.index, data.content_block ?? {}, out))
        break
      case 'content_block_delta': {
        const state = open.get(data.index)
        if (state) deltaAnthropicBlock(data.index, state, data.delta ?? {}, out)
        break
      }
      case 'content_block_stop': {
        const state = open.get(data.index)
        if (state) closeAnthropicBlock(data.index, state, out), open.delete(data.index)
        break
      }
      case 'message_delta':
        stopReason = data.delta?.stop_reason ?? stopReason
        stopSequence = data.delta?.stop_sequence ?? stopSequence
        usage = mergeAnthropicUsage(usage, data.usage)
        out.push({ type: 'usage', usage: convertAnthropicUsage(usage) })
        break
      case 'message_stop':
        return finish()
      case 'error':
        ended = true
        out.push({ type: 'error', error: convertAnthropicError(anthropicErrorStatus(data?.error?.type), data, new Headers()) })
        break
    }
    return out
  }

  return {
    event,
    /** End of the upstream bytes: finish if the stop reason is known, else a truncation error. */
    end() {
      if (ended) return []
      return stopReason !== null ? finish() : closeAll([]).concat(TRUNCATED)
    },
  }
}
