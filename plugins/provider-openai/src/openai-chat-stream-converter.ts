import {
  convertOpenAIChatUsage,
  emptyUsage,
  mapOpenAIChatFinishReason,
  reasoningProviderFromFormat,
  type ConversionContext,
  type OpenAIChatChunk,
  type OpenAIChatChunkDelta,
  type OpenAIChatReasoningDetail,
  type SseEvent,
  type StreamConverter,
  type StreamEvent,
  type Usage,
} from '@tollgate/core'
import { convertOpenAIError } from './convert-openai-error'

type BlockType = 'text' | 'reasoning' | 'tool-call'

/**
 * OpenAI Chat chunks -> canonical stream events. Only choice 0 is followed. Blocks: text, reasoning
 * (`reasoning_content` / `reasoning_details` of compatible servers, grouped by detail `index`) and
 * tool calls (by their `index`, so parallel calls may interleave). `finish` waits for the usage
 * chunk and `[DONE]`; a stream that stops after `finish_reason` still finishes in `end()`.
 */
export function createOpenAIChatStreamConverter(context: ConversionContext): StreamConverter {
  let started = false
  let terminated = false
  let nextIndex = 0
  let finishReason: string | undefined
  let refused = false
  let usage: Usage | undefined
  const open: Array<{ type: BlockType; index: number }> = []
  let text = -1
  let reasoning = -1
  let reasoningKey: number | undefined
  const tools = new Map<number, number>()

  function openBlock(out: StreamEvent[], type: BlockType, fields: Record<string, unknown> = {}): number {
    const index = nextIndex++
    open.push({ type, index })
    out.push({ type: `${type}-start`, index, ...fields } as StreamEvent)
    return index
  }

  function close(out: StreamEvent[], index: number) {
    const position = open.findIndex((block) => block.index === index)
    if (position === -1) return
    out.push({ type: `${open[position].type}-end`, index } as StreamEvent)
    open.splice(position, 1)
  }

  function closeTextAndReasoning(out: StreamEvent[]) {
    close(out, text)
    close(out, reasoning)
    text = reasoning = -1
  }

  function closeAll(out: StreamEvent[]) {
    for (const block of open) out.push({ type: `${block.type}-end`, index: block.index } as StreamEvent)
    open.length = 0
    text = reasoning = -1
    tools.clear()
  }

  function ensureReasoning(out: StreamEvent[], key: number | undefined, detail?: OpenAIChatReasoningDetail): number {
    if (reasoning !== -1 && (key === undefined || key === reasoningKey)) return reasoning
    closeTextAndReasoning(out)
    const fields: Record<string, unknown> = {}
    const provider = reasoningProviderFromFormat(detail?.format)
    if (detail?.id !== undefined) fields.id = detail.id
    if (provider !== undefined) fields.provider = provider
    if (detail?.type === 'reasoning.encrypted' && provider === 'anthropic') fields.redactedData = detail.data
    reasoningKey = key
    return (reasoning = openBlock(out, 'reasoning', fields))
  }

  function reasoningDetails(out: StreamEvent[], details: OpenAIChatReasoningDetail[]) {
    for (const detail of details) {
      const key = detail.index
      if (detail.type === 'reasoning.encrypted') {
        const redacted = reasoningProviderFromFormat(detail.format) === 'anthropic'
        if (redacted && (reasoning === -1 || key !== reasoningKey)) ensureReasoning(out, key ?? -1, detail)
        else out.push({ type: 'reasoning-signature', index: ensureReasoning(out, key, detail), encryptedContent: detail.data })
        continue
      }
      const delta = detail.type === 'reasoning.summary' ? detail.summary : detail.text
      if (delta) out.push({ type: 'reasoning-delta', index: ensureReasoning(out, key, detail), delta })
      if (detail.type === 'reasoning.text' && detail.signature) {
        out.push({ type: 'reasoning-signature', index: ensureReasoning(out, key, detail), signature: detail.signature })
      }
    }
  }

  function applyDelta(out: StreamEvent[], delta: OpenAIChatChunkDelta) {
    if (Array.isArray(delta.reasoning_details) && delta.reasoning_details.length > 0) reasoningDetails(out, delta.reasoning_details)
    else {
      const reasoningText = delta.reasoning_content ?? delta.reasoning
      if (reasoningText) out.push({ type: 'reasoning-delta', index: ensureReasoning(out, undefined), delta: reasoningText })
    }
    if (delta.content) {
      if (text === -1) {
        close(out, reasoning)
        reasoning = -1
        text = openBlock(out, 'text')
      }
      out.push({ type: 'text-delta', index: text, delta: delta.content })
    }
    if (delta.refusal) {
      refused = true
      out.push({ type: 'refusal-delta', delta: delta.refusal })
    }
    delta.tool_calls?.forEach((call, position) => {
      const key = call.index ?? position
      let index = tools.get(key)
      if (index === undefined) {
        closeTextAndReasoning(out)
        index = openBlock(out, 'tool-call', { id: call.id ?? '', name: call.function?.name ?? '' })
        tools.set(key, index)
      }
      if (call.function?.arguments) out.push({ type: 'tool-call-delta', index, argumentsDelta: call.function.arguments })
    })
  }

  function finish(out: StreamEvent[], reason: string | undefined) {
    closeAll(out)
    terminated = true
    const mapped = mapOpenAIChatFinishReason(reason)
    const event: StreamEvent = { type: 'finish', finishReason: refused && mapped === 'stop' ? 'refusal' : mapped, usage: usage ?? emptyUsage() }
    if (reason !== undefined) event.rawFinishReason = reason
    out.push(event)
  }

  function fail(out: StreamEvent[], error: Extract<StreamEvent, { type: 'error' }>['error']) {
    closeAll(out)
    terminated = true
    out.push({ type: 'error', error })
  }

  function event(sse: SseEvent): StreamEvent[] {
    const out: StreamEvent[] = []
    if (terminated) return out
    if (sse.data === '[DONE]') {
      finish(out, finishReason)
      return out
    }
    let chunk: OpenAIChatChunk
    try {
      chunk = JSON.parse(sse.data)
    } catch {
      fail(out, { status: 502, type: 'upstream_error', code: 'invalid_upstream_chunk', message: 'Upstream sent a stream chunk that is not JSON' })
      return out
    }
    if (chunk.error) {
      const status = Number((chunk.error as { status?: unknown }).status) || 500
      fail(out, convertOpenAIError(status, chunk, new Headers()))
      return out
    }
    const choices = chunk.choices ?? []
    if (!started && (chunk.id || choices.length > 0)) {
      started = true
      out.push({ type: 'response-start', id: chunk.id ?? '', model: chunk.model || context.modelId, created: chunk.created ?? Math.floor(Date.now() / 1000) })
    }
    if (chunk.usage) usage = convertOpenAIChatUsage(chunk.usage)
    for (const choice of choices) {
      if ((choice.index ?? 0) !== 0) continue
      if (choice.delta) applyDelta(out, choice.delta)
      if (choice.finish_reason) {
        finishReason = choice.finish_reason
        closeAll(out)
      }
    }
    return out
  }

  function end(): StreamEvent[] {
    const out: StreamEvent[] = []
    if (terminated) return out
    if (finishReason !== undefined) finish(out, finishReason)
    else fail(out, { status: 502, type: 'upstream_error', code: 'stream_truncated', message: 'Upstream stream ended before completion' })
    return out
  }

  return { event, end }
}
