import { emptyUsage, type StreamEvent } from '../../canonical'
import type { RenderContext, StreamRenderer } from '../../plugin/dialect'
import { encodeSse } from '../../sse/encode-sse'
import { toAnthropicErrorType, toAnthropicStopReason, toAnthropicUsage } from '../../formats/anthropic-messages'
import { anthropicMessageId } from './render-anthropic-response'

const PING = encodeSse('{"type":"ping"}', 'ping')
const EMPTY_TEXT = '{"type":"text","text":""}'
const EMPTY_THINKING = '{"type":"thinking","thinking":"","signature":""}'
/** Client index of a foreign reasoning block not shown yet (it opens on its first visible text). */
const PENDING = -1

/**
 * Canonical events → Anthropic SSE (`event:` + `data:`). Client block indexes are contiguous from 0
 * in order of start, whatever gaps the canonical indexes have. The hot path (deltas) builds JSON
 * by concatenation and stringifies only the delta text.
 * - Reasoning from other providers opens as a thinking block (signature '') on its first text;
 *   empty foreign reasoning is not shown. Signatures/encrypted state of other providers are left out.
 * - Citations collected on `text-end` are sent as citations_delta events just before the block stop.
 * - OpenAI refusal text opens its own text block.
 * - After `error` (rendered as `event: error`) nothing more is written: no message_stop.
 */
export function createAnthropicStreamRenderer(context: RenderContext): StreamRenderer {
  const clientIndex: number[] = []
  let nextIndex = 0
  let refusalIndex = PENDING
  let ended = false

  function closeRefusal(): string {
    if (refusalIndex === PENDING) return ''
    const out = encodeSse(`{"type":"content_block_stop","index":${refusalIndex}}`, 'content_block_stop')
    refusalIndex = PENDING
    return out
  }
  function start(index: number, block: string): string {
    clientIndex[index] = nextIndex
    return closeRefusal() + encodeSse(`{"type":"content_block_start","index":${nextIndex++},"content_block":${block}}`, 'content_block_start')
  }
  function delta(index: number, body: string): string {
    let client = clientIndex[index]
    let out = ''
    if (client === PENDING) (out = start(index, EMPTY_THINKING)), (client = clientIndex[index])
    if (client === undefined) return ''
    return out + encodeSse(`{"type":"content_block_delta","index":${client},"delta":${body}}`, 'content_block_delta')
  }
  function stop(index: number): string {
    const client = clientIndex[index]
    return client === undefined || client === PENDING ? '' : encodeSse(`{"type":"content_block_stop","index":${client}}`, 'content_block_stop')
  }

  function render(event: StreamEvent): string {
    switch (event.type) {
      case 'response-start': {
        const message = {
          id: anthropicMessageId(event.id),
          type: 'message',
          role: 'assistant',
          model: context.model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: toAnthropicUsage(event.usage ?? emptyUsage()),
        }
        return encodeSse(JSON.stringify({ type: 'message_start', message }), 'message_start') + PING
      }
      case 'text-start': {
        const extra = event.providerData?.anthropic
        return start(event.index, extra ? JSON.stringify({ ...extra, type: 'text', text: '' }) : EMPTY_TEXT)
      }
      case 'text-delta':
        return delta(event.index, `{"type":"text_delta","text":${JSON.stringify(event.delta)}}`)
      case 'text-end': {
        const citations = event.providerData?.anthropic?.citations
        let out = ''
        if (Array.isArray(citations)) for (const citation of citations) out += delta(event.index, `{"type":"citations_delta","citation":${JSON.stringify(citation)}}`)
        return out + stop(event.index)
      }
      case 'reasoning-start':
        if (event.redactedData !== undefined) return start(event.index, JSON.stringify({ type: 'redacted_thinking', data: event.redactedData }))
        if (event.provider === 'anthropic') return start(event.index, EMPTY_THINKING)
        clientIndex[event.index] = PENDING
        return ''
      case 'reasoning-delta':
        return event.delta === '' ? '' : delta(event.index, `{"type":"thinking_delta","thinking":${JSON.stringify(event.delta)}}`)
      case 'reasoning-signature':
        return event.signature && clientIndex[event.index] !== PENDING ? delta(event.index, `{"type":"signature_delta","signature":${JSON.stringify(event.signature)}}`) : ''
      case 'tool-call-start':
        return start(event.index, JSON.stringify({ ...event.providerData?.anthropic, type: 'tool_use', id: event.id, name: event.name, input: {} }))
      case 'tool-call-delta':
        return delta(event.index, `{"type":"input_json_delta","partial_json":${JSON.stringify(event.argumentsDelta)}}`)
      case 'reasoning-end':
      case 'tool-call-end':
        return stop(event.index)
      case 'provider-block': {
        if (event.provider !== 'anthropic') return ''
        const { input } = event.block
        // Like the upstream: tool-use-like blocks start with input {} and get it as one input_json_delta.
        if (typeof input !== 'object' || input === null) return start(event.index, JSON.stringify(event.block)) + stop(event.index)
        const opened = start(event.index, JSON.stringify({ ...event.block, input: {} }))
        return opened + delta(event.index, `{"type":"input_json_delta","partial_json":${JSON.stringify(JSON.stringify(input))}}`) + stop(event.index)
      }
      case 'refusal-delta': {
        let out = ''
        if (refusalIndex === PENDING) {
          refusalIndex = nextIndex++
          out = encodeSse(`{"type":"content_block_start","index":${refusalIndex},"content_block":${EMPTY_TEXT}}`, 'content_block_start')
        }
        return out + encodeSse(`{"type":"content_block_delta","index":${refusalIndex},"delta":{"type":"text_delta","text":${JSON.stringify(event.delta)}}}`, 'content_block_delta')
      }
      case 'usage':
        return ''
      case 'finish': {
        ended = true
        const stopReason = toAnthropicStopReason(event.finishReason, event.rawFinishReason)
        const messageDelta = {
          type: 'message_delta',
          delta: { stop_reason: stopReason, stop_sequence: event.stopSequence ?? null },
          usage: toAnthropicUsage(event.usage),
        }
        return closeRefusal() + encodeSse(JSON.stringify(messageDelta), 'message_delta') + encodeSse('{"type":"message_stop"}', 'message_stop')
      }
      case 'error': {
        ended = true
        const error = { type: toAnthropicErrorType(event.error.type, event.error.status), message: event.error.message }
        return encodeSse(JSON.stringify({ type: 'error', error }), 'error')
      }
    }
  }

  return { render: (event) => (ended ? '' : render(event)) }
}
