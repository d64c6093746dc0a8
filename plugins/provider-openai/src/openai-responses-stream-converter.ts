import {
  convertOpenAIResponsesReasoningItem,
  convertOpenAIResponsesStreamError,
  convertOpenAIResponsesUsage,
  emptyUsage,
  mapOpenAIResponsesFinishReason,
  rawOpenAIResponsesFinishReason,
  type ConversionContext,
  type GatewayErrorInit,
  type OpenAIResponsesOutputItem,
  type OpenAIResponsesResponse,
  type OpenAIResponsesStreamEvent,
  type SseEvent,
  type StreamConverter,
  type StreamEvent,
} from '@tollgate/core'
import { redactSecrets } from './convert-openai-error'
import { toolCallData } from './convert-openai-responses-response'
import { createResponsesStreamBlocks } from './openai-responses-stream-blocks'

const WIRE = 'openai-responses'

/**
 * OpenAI Responses SSE -> canonical stream events. Blocks: each output_text content part is a text
 * block; a reasoning item is a reasoning block (summary parts joined by a blank line, encrypted
 * content from output_item.done); function and custom tool calls are tool-call blocks (custom input
 * streamed as the JSON-escaped `{"input": "..."}`); built-in tool items become provider blocks when
 * done. response.completed / response.incomplete finish with usage; `error` and response.failed end
 * in error. Values that arrive only in a `.done` event (no deltas) are still delivered.
 */
export function createOpenAIResponsesStreamConverter(context: ConversionContext): StreamConverter {
  const blocks = createResponsesStreamBlocks()
  let started = false
  let terminated = false
  let toolCalls = false
  let refused = false

  function openItem(out: StreamEvent[], key: string, item: OpenAIResponsesOutputItem) {
    if (item.type === 'reasoning') return blocks.open(out, key, 'reasoning', { ...(typeof item.id === 'string' && { id: item.id }), provider: 'openai' })
    if (item.type !== 'function_call' && item.type !== 'custom_tool_call') return undefined
    const custom = item.type === 'custom_tool_call'
    const data = toolCallData(item)
    const providerData = custom ? { [WIRE]: { type: 'custom_tool_call', ...data } } : data ? { [WIRE]: data } : undefined
    return blocks.open(out, key, 'tool-call', { id: item.call_id ?? '', name: item.name ?? '', ...(providerData && { providerData }) }, custom)
  }

  function textDone(out: StreamEvent[], key: string, part: Record<string, any>) {
    const block = blocks.get(key)
    if (block?.streamed === 0) blocks.delta(out, block, part.text)
    const annotations = Array.isArray(part.annotations) && part.annotations.length > 0 ? { providerData: { [WIRE]: { annotations: part.annotations } } } : {}
    blocks.close(out, key, annotations)
  }

  /** output_item.done: the whole item; deliver what was not streamed, then close. */
  function itemDone(out: StreamEvent[], key: string, item: OpenAIResponsesOutputItem) {
    if (item.type === 'message') {
      ;(Array.isArray(item.content) ? item.content : []).forEach((part: Record<string, any>, contentIndex: number) => {
        const partKey = `${key}:${contentIndex}`
        if (part?.type !== 'output_text' || blocks.finished(partKey)) return
        if (!blocks.get(partKey)) blocks.open(out, partKey, 'text')
        textDone(out, partKey, part)
      })
      return
    }
    const block = blocks.get(key) ?? openItem(out, key, item)
    if (!block) return void out.push({ type: 'provider-block', index: blocks.takeIndex(), provider: 'openai', block: item })
    if (item.type === 'reasoning') {
      if (block.streamed === 0) blocks.delta(out, block, convertOpenAIResponsesReasoningItem(item as never).text)
      if (typeof item.encrypted_content === 'string') out.push({ type: 'reasoning-signature', index: block.index, encryptedContent: item.encrypted_content })
    } else {
      toolCalls = true
      if (block.streamed === 0) blocks.delta(out, block, block.custom ? item.input : item.arguments)
    }
    blocks.close(out, key)
  }

  function fail(out: StreamEvent[], error: GatewayErrorInit) {
    blocks.closeAll(out)
    terminated = true
    out.push({ type: 'error', error: { ...error, message: redactSecrets(error.message) } })
  }

  function finish(out: StreamEvent[], response: OpenAIResponsesResponse | undefined) {
    blocks.closeAll(out)
    terminated = true
    const status = response ?? { status: 'completed' }
    const mapped = mapOpenAIResponsesFinishReason(status, toolCalls)
    const event: StreamEvent = { type: 'finish', finishReason: refused && mapped === 'stop' ? 'refusal' : mapped, usage: response?.usage ? convertOpenAIResponsesUsage(response.usage) : emptyUsage() }
    const raw = rawOpenAIResponsesFinishReason(status)
    if (raw !== undefined) event.rawFinishReason = raw
    out.push(event)
  }

  function handle(out: StreamEvent[], data: OpenAIResponsesStreamEvent) {
    if (!started && data.type.startsWith('response.')) {
      started = true
      const response = data.response
      out.push({ type: 'response-start', id: response?.id ?? '', model: response?.model || context.modelId, created: response?.created_at ?? Math.floor(Date.now() / 1000) })
    }
    const key = data.item_id ?? data.item?.id ?? `#${data.output_index}`
    const partKey = `${key}:${data.content_index}`
    switch (data.type) {
      case 'response.output_item.added':
        if (data.item && !blocks.get(key)) openItem(out, key, data.item)
        return
      case 'response.output_item.done':
        return data.item && itemDone(out, key, data.item)
      case 'response.content_part.added':
        if (data.part?.type === 'output_text' && !blocks.get(partKey)) blocks.open(out, partKey, 'text')
        return
      case 'response.output_text.delta':
        return blocks.delta(out, blocks.get(partKey) ?? blocks.open(out, partKey, 'text'), data.delta)
      case 'response.content_part.done':
        return data.part?.type === 'output_text' && blocks.get(partKey) ? textDone(out, partKey, data.part) : undefined
      case 'response.refusal.delta':
        if (!data.delta) return
        refused = true
        return void out.push({ type: 'refusal-delta', delta: data.delta })
      case 'response.reasoning_summary_part.added': {
        const block = blocks.get(key)
        return block && block.streamed > 0 ? blocks.delta(out, block, '\n\n') : undefined
      }
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
      case 'response.function_call_arguments.delta':
      case 'response.custom_tool_call_input.delta':
        return blocks.delta(out, blocks.get(key), data.delta)
      case 'response.completed':
      case 'response.incomplete':
        return finish(out, data.response)
      case 'response.failed':
        return fail(out, convertOpenAIResponsesStreamError(data.response?.error))
      case 'error':
        return fail(out, convertOpenAIResponsesStreamError(data))
    }
  }

  return {
    event(sse: SseEvent): StreamEvent[] {
      const out: StreamEvent[] = []
      if (terminated) return out
      let data: OpenAIResponsesStreamEvent
      try {
        data = JSON.parse(sse.data)
      } catch {
        fail(out, { status: 502, type: 'upstream_error', code: 'invalid_upstream_chunk', message: 'Upstream sent a stream event that is not JSON' })
        return out
      }
      handle(out, { ...data, type: data.type ?? sse.event ?? '' })
      return out
    },
    end(): StreamEvent[] {
      const out: StreamEvent[] = []
      if (!terminated) fail(out, { status: 502, type: 'upstream_error', code: 'stream_truncated', message: 'Upstream stream ended before completion' })
      return out
    },
  }
}
