import type { StreamEvent } from '../../canonical/stream-event'
import type { RenderContext, StreamRenderer } from '../../plugin/dialect'
import { encodeSse } from '../../sse/encode-sse'
import { reasoningFormatFromProvider } from '../../formats/openai-chat/convert-openai-chat-reasoning'
import { convertToOpenAIChatUsage } from '../../formats/openai-chat/convert-openai-chat-usage'
import { mapToOpenAIChatFinishReason } from '../../formats/openai-chat/map-openai-chat-finish-reason'
import { convertToOpenAIChatError } from './render-openai-chat-error'

const json = JSON.stringify

/**
 * Canonical stream -> OpenAI `chat.completion.chunk` SSE. Chunks are concatenated from a fixed
 * prefix (id, created, model) and suffix, so a delta costs one JSON.stringify of its text.
 * Tool calls are numbered by their ordinal among tool calls; reasoning blocks likewise.
 */
export function createOpenAIChatStreamRenderer(context: RenderContext): StreamRenderer {
  const model = json(context.model)
  const usageNull = context.includeUsage ? ',"usage":null' : ''
  const deltaSuffix = `,"finish_reason":null}]${usageNull}}`
  let head = ''
  let deltaPrefix = ''
  let ended = false
  const toolOrdinals: number[] = []
  let toolCount = 0
  /** Per canonical index: the end of a reasoning detail object (`,"index":k,"format":"..."}`). */
  const reasoningTails: string[] = []
  let reasoningCount = 0

  function start(id: string, created: number) {
    head = `{"id":${json(id)},"object":"chat.completion.chunk","created":${created},"model":${model},`
    deltaPrefix = `${head}"choices":[{"index":0,"delta":`
  }

  function chunk(delta: string, finishReason?: string): string {
    if (head === '') start(context.requestId, Math.floor(Date.now() / 1000))
    const suffix = finishReason === undefined ? deltaSuffix : `,"finish_reason":"${finishReason}"}]${usageNull}}`
    return encodeSse(deltaPrefix + delta + suffix)
  }

  const details = (items: string) => chunk(`{"reasoning_details":[${items}]}`)

  function render(event: StreamEvent): string {
    if (ended) return ''
    switch (event.type) {
      case 'response-start':
        start(event.id, event.created)
        return chunk('{"role":"assistant","content":""}')
      case 'text-delta':
        return chunk(`{"content":${json(event.delta)}}`)
      case 'refusal-delta':
        return chunk(`{"refusal":${json(event.delta)}}`)
      case 'reasoning-start': {
        const id = event.id === undefined ? '' : `,"id":${json(event.id)}`
        const tail = `,"index":${reasoningCount++},"format":${json(reasoningFormatFromProvider(event.provider))}${id}}`
        reasoningTails[event.index] = tail
        return event.redactedData === undefined ? '' : details(`{"type":"reasoning.encrypted","data":${json(event.redactedData)}${tail}`)
      }
      case 'reasoning-delta': {
        const text = json(event.delta)
        return chunk(`{"reasoning_content":${text},"reasoning_details":[{"type":"reasoning.text","text":${text}${reasoningTails[event.index]}]}`)
      }
      case 'reasoning-signature': {
        const tail = reasoningTails[event.index]
        const items: string[] = []
        if (event.signature !== undefined) items.push(`{"type":"reasoning.text","text":"","signature":${json(event.signature)}${tail}`)
        if (event.encryptedContent !== undefined) items.push(`{"type":"reasoning.encrypted","data":${json(event.encryptedContent)}${tail}`)
        return items.length === 0 ? '' : details(items.join(','))
      }
      case 'tool-call-start': {
        const ordinal = toolCount++
        toolOrdinals[event.index] = ordinal
        return chunk(`{"tool_calls":[{"index":${ordinal},"id":${json(event.id)},"type":"function","function":{"name":${json(event.name)},"arguments":""}}]}`)
      }
      case 'tool-call-delta':
        return chunk(`{"tool_calls":[{"index":${toolOrdinals[event.index]},"function":{"arguments":${json(event.argumentsDelta)}}}]}`)
      case 'finish': {
        ended = true
        let out = chunk('{}', mapToOpenAIChatFinishReason(event.finishReason))
        if (context.includeUsage) out += encodeSse(`${head}"choices":[],"usage":${json(convertToOpenAIChatUsage(event.usage))}}`)
        return out + encodeSse('[DONE]')
      }
      case 'error':
        ended = true
        return encodeSse(json({ error: convertToOpenAIChatError(event.error) }))
      default:
        return ''
    }
  }

  return { render }
}
