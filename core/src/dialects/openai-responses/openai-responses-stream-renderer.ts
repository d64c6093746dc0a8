import type { ProviderData, ReasoningPart } from '../../canonical/content'
import type { StreamEvent } from '../../canonical/stream-event'
import { convertToOpenAIResponsesUsage } from '../../formats/openai-responses/convert-openai-responses-usage'
import { mapToOpenAIResponsesStatus } from '../../formats/openai-responses/map-openai-responses-status'
import type { OpenAIResponsesOutputItem, OpenAIResponsesUsage } from '../../formats/openai-responses/openai-responses-types'
import type { RenderContext, StreamRenderer } from '../../plugin/dialect'
import { convertToOpenAIChatError } from '../openai-chat/render-openai-chat-error'
import { buildOpenAIResponsesObject, createItemIds, openAIResponsesId, type ResponseObjectFields } from './build-openai-responses-object'
import { createOpenAIResponsesEventWriter } from './openai-responses-event-writer'
import { createOpenAIResponsesMessageRenderer } from './openai-responses-message-renderer'
import { readRenderOptions } from './read-openai-responses-target'
import { isCustomToolCall, renderReasoningItem, renderToolCallItem } from './render-openai-responses-output'

type Item =
  | { kind: 'reasoning'; outputIndex: number; id: string; part: ReasoningPart; summaryOpen: boolean }
  | { kind: 'tool'; outputIndex: number; id: string; callId: string; name: string; custom: boolean; providerData?: ProviderData; arguments: string }

/**
 * Canonical stream -> Responses SSE, every payload numbered (`sequence_number`). response.created
 * and response.in_progress open; each item is announced (output_item.added), streamed (content
 * parts, text, reasoning summary and argument deltas) and closed (output_item.done with the whole
 * item); one terminal: response.completed, response.incomplete (length, content filter), or — for
 * errors — `event: error` then response.failed, never a fake completion. Consecutive text blocks
 * share one message item. Custom tool input is sent as one delta when the call ends (canonical
 * argument deltas are JSON-escaped fragments of `{"input": ...}`).
 */
export function createOpenAIResponsesStreamRenderer(context: RenderContext): StreamRenderer {
  const options = readRenderOptions(context)
  const { customTools, echo } = options
  const writer = createOpenAIResponsesEventWriter()
  let id = ''
  let createdAt = 0
  let itemId = createItemIds('')
  let message = createOpenAIResponsesMessageRenderer(writer, itemId)
  let usage: OpenAIResponsesUsage | null = null
  let ended = false
  const items = new Map<number, Item>()

  const snapshot = (status: ResponseObjectFields['status'], extra: Partial<ResponseObjectFields> = {}) =>
    buildOpenAIResponsesObject({ id, createdAt, status, model: context.model, echo, output: writer.finished(), usage, ...extra })

  function start(responseId: string, created: number): string {
    id = openAIResponsesId(responseId)
    createdAt = created
    itemId = createItemIds(id)
    message = createOpenAIResponsesMessageRenderer(writer, itemId)
    const response = snapshot('in_progress')
    return writer.emit('response.created', { response }) + writer.emit('response.in_progress', { response })
  }

  /** Announce a non-message item (the open message item closes first). */
  function openItem(item: OpenAIResponsesOutputItem) {
    const closed = message.close()
    const { out, outputIndex } = writer.add(item)
    return { out: closed + out, outputIndex }
  }

  function render(event: StreamEvent): string {
    switch (event.type) {
      case 'response-start':
        return start(event.id, event.created)
      case 'text-start':
        return message.textStart(event.index)
      case 'text-delta':
        return message.textDelta(event.index, event.delta)
      case 'text-end':
        return message.textEnd(event.index, event.providerData)
      case 'refusal-delta':
        return message.refusalDelta(event.delta)
      case 'reasoning-start': {
        const part: ReasoningPart = { type: 'reasoning', text: '' }
        if (event.provider !== undefined) part.provider = event.provider
        if (event.id !== undefined) part.id = event.id
        if (event.redactedData !== undefined) part.redactedData = event.redactedData
        const reasoningId = event.provider === 'openai' && event.id !== undefined ? event.id : itemId('rs', writer.nextIndex())
        const opened = openItem({ id: reasoningId, type: 'reasoning', summary: [] })
        items.set(event.index, { kind: 'reasoning', outputIndex: opened.outputIndex, id: reasoningId, part, summaryOpen: false })
        return opened.out
      }
      case 'reasoning-delta': {
        const item = items.get(event.index)
        if (item?.kind !== 'reasoning' || event.delta === '') return ''
        let out = ''
        if (!item.summaryOpen) {
          item.summaryOpen = true
          out = writer.emit('response.reasoning_summary_part.added', { item_id: item.id, output_index: item.outputIndex, summary_index: 0, part: { type: 'summary_text', text: '' } })
        }
        item.part.text += event.delta
        return out + writer.delta('response.reasoning_summary_text.delta', `${writer.head(item.id, item.outputIndex)},"summary_index":0`, event.delta)
      }
      case 'reasoning-signature': {
        const item = items.get(event.index)
        if (item?.kind !== 'reasoning') return ''
        if (event.signature !== undefined) item.part.signature = event.signature
        if (event.encryptedContent !== undefined) item.part.encryptedContent = event.encryptedContent
        return ''
      }
      case 'reasoning-end': {
        const item = items.get(event.index)
        if (item?.kind !== 'reasoning') return ''
        let out = ''
        if (item.summaryOpen) {
          const head = { item_id: item.id, output_index: item.outputIndex, summary_index: 0 }
          out += writer.emit('response.reasoning_summary_text.done', { ...head, text: item.part.text })
          out += writer.emit('response.reasoning_summary_part.done', { ...head, part: { type: 'summary_text', text: item.part.text } })
        }
        return out + writer.done(item.outputIndex, renderReasoningItem(item.part, item.id))
      }
      case 'tool-call-start': {
        const custom = isCustomToolCall(event, customTools)
        const call = { type: 'tool-call' as const, id: event.id, name: event.name, arguments: '', providerData: event.providerData }
        const rendered = renderToolCallItem(call, itemId(custom ? 'ctc' : 'fc', writer.nextIndex()), options)
        const opened = openItem({ ...rendered, status: 'in_progress' })
        items.set(event.index, { kind: 'tool', outputIndex: opened.outputIndex, id: rendered.id!, callId: event.id, name: event.name, custom, providerData: event.providerData, arguments: '' })
        return opened.out
      }
      case 'tool-call-delta': {
        const item = items.get(event.index)
        if (item?.kind !== 'tool' || event.argumentsDelta === '') return ''
        item.arguments += event.argumentsDelta
        return item.custom ? '' : writer.delta('response.function_call_arguments.delta', writer.head(item.id, item.outputIndex), event.argumentsDelta)
      }
      case 'tool-call-end': {
        const item = items.get(event.index)
        if (item?.kind !== 'tool') return ''
        const rendered = renderToolCallItem({ type: 'tool-call', id: item.callId, name: item.name, arguments: item.arguments, providerData: item.providerData }, item.id, options)
        const head = { item_id: item.id, output_index: item.outputIndex }
        let out = ''
        if (item.custom) {
          if (rendered.input !== '') out += writer.delta('response.custom_tool_call_input.delta', writer.head(item.id, item.outputIndex), rendered.input)
          out += writer.emit('response.custom_tool_call_input.done', { ...head, input: rendered.input })
        } else {
          out += writer.emit('response.function_call_arguments.done', { ...head, arguments: item.arguments })
        }
        return out + writer.done(item.outputIndex, rendered)
      }
      case 'provider-block': {
        if (event.provider !== 'openai') return ''
        const opened = openItem(event.block as OpenAIResponsesOutputItem)
        return opened.out + writer.done(opened.outputIndex, event.block as OpenAIResponsesOutputItem)
      }
      case 'usage':
        return ''
      case 'finish': {
        ended = true
        const out = message.close()
        usage = convertToOpenAIResponsesUsage(event.usage)
        const { status, incompleteDetails } = mapToOpenAIResponsesStatus(event.finishReason)
        if (status !== 'failed') return out + writer.emit(`response.${status}`, { response: snapshot(status, { incompleteDetails }) })
        const error = { code: 'server_error', message: `The model stopped with an error${event.rawFinishReason ? ` (${event.rawFinishReason})` : ''}` }
        return out + writer.emit('response.failed', { response: snapshot('failed', { error }) })
      }
      case 'error': {
        ended = true
        const { message: text, param, code, type } = convertToOpenAIChatError(event.error)
        const errorCode = code ?? type
        return writer.emit('error', { code: errorCode, message: text, param }) + writer.emit('response.failed', { response: snapshot('failed', { error: { code: errorCode, message: text } }) })
      }
    }
  }

  return {
    render(event) {
      if (ended) return ''
      if (id !== '' || event.type === 'response-start') return render(event)
      // Nothing was sent yet. An error needs no opening (on the fast path the upstream already sent
      // response.created): the failed response takes the request id. Anything else opens first.
      const now = Math.floor(Date.now() / 1000)
      if (event.type !== 'error') return start(context.requestId, now) + render(event)
      id = openAIResponsesId(context.requestId)
      createdAt = now
      return render(event)
    },
  }
}
