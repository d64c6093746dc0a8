import type { Usage } from '../../canonical'
import type { StreamEvent } from '../../canonical/stream-event'
import {
  convertToGeminiUsage,
  GEMINI_WIRE,
  isMintedGeminiToolCallId,
  mapToGeminiFinishReason,
  parseGeminiArguments,
  wrapForeignReasoning,
  type GeminiPart,
} from '../../formats/gemini'
import type { RenderContext, StreamRenderer } from '../../plugin/dialect'
import { convertToGeminiError } from './render-gemini-error'

interface ReasoningBlock {
  provider?: string
  id?: string
  redactedData?: string
  signature?: string
  encryptedContent?: string
  /** Thought text was sent for this block. */
  shown: boolean
  /** Its Gemini signature went out on the first thought chunk. */
  signed: boolean
}

/**
 * Canonical events → a Gemini stream of `GenerateContentResponse` chunks: SSE (`data: <json>\r\n\r\n`,
 * as Google frames it) or, for `options.streamFormat: 'json-array'`, one JSON array streamed
 * element by element (`[`, `,` between, `]` at the end; content type application/json).
 *
 * - Text and thoughts go out as they come, one part per chunk; a function call goes out whole when
 *   its arguments are complete. Every chunk repeats the latest usage, modelVersion and responseId.
 * - A Gemini signature goes back on the part it came with: a thought's on its first chunk, a call's
 *   (linked by id) on the call, an unlinked one on the next part, else on an empty text part.
 * - Reasoning of other providers: its text as thought parts, its opaque state in a last empty
 *   thought part's thoughtSignature (see wrapForeignReasoning).
 * - `finish` is a last chunk with `finishReason` (and `]` for the array). `error` is
 *   `{"error": {code, message, status}}` as the last SSE event or the last array element — what
 *   Google sends and its SDKs raise — never a clean finish.
 */
export function createGeminiStreamRenderer(context: RenderContext): StreamRenderer {
  const jsonArray = context.options?.streamFormat === 'json-array'
  let opened = false
  let ended = false
  let responseId = context.requestId
  let modelVersion = context.model
  let usage: Usage | undefined
  let pending: string | undefined
  const reasoning = new Map<number, ReasoningBlock>()
  const calls = new Map<number, { id: string; name: string; args: string }>()
  const signatureByCall = new Map<string, string>()
  const sentCalls = new Set<string>()

  function frame(json: string): string {
    if (!jsonArray) return `data: ${json}\r\n\r\n`
    const separator = opened ? ',\r\n' : '['
    opened = true
    return separator + json
  }

  function chunk(parts: GeminiPart[], finishReason?: string): string {
    const candidate = { content: { parts, role: 'model' }, ...(finishReason !== undefined && { finishReason }), index: 0 }
    return frame(JSON.stringify({ candidates: [candidate], ...(usage && { usageMetadata: convertToGeminiUsage(usage) }), modelVersion, responseId }))
  }

  const take = () => {
    const signature = pending
    pending = undefined
    return signature === undefined ? {} : { thoughtSignature: signature }
  }
  const flush = () => (pending === undefined ? '' : chunk([{ text: '', ...take() }]))

  function endReasoning(block: ReasoningBlock): string {
    if (block.provider !== GEMINI_WIRE) {
      const envelope = wrapForeignReasoning({ type: 'reasoning', text: '', ...block })
      return envelope === undefined ? '' : chunk([{ text: '', thought: true, thoughtSignature: envelope }])
    }
    const signature = block.encryptedContent
    if (signature === undefined || block.signed) return ''
    if (block.shown) return chunk([{ text: '', thought: true, thoughtSignature: signature }])
    if (block.id !== undefined && !sentCalls.has(block.id)) return void signatureByCall.set(block.id, signature), ''
    const out = flush()
    pending = signature
    return out
  }

  function endCall(call: { id: string; name: string; args: string }): string {
    sentCalls.add(call.id)
    const functionCall = { ...(!isMintedGeminiToolCallId(call.id) && { id: call.id }), name: call.name, args: parseGeminiArguments(call.args) ?? {} }
    const own = signatureByCall.get(call.id)
    return own === undefined ? chunk([{ functionCall, ...take() }]) : flush() + chunk([{ functionCall, thoughtSignature: own }])
  }

  function render(event: StreamEvent): string {
    switch (event.type) {
      case 'response-start':
        responseId = event.id
        modelVersion = event.model
        usage = event.usage ?? usage
        return ''
      case 'text-delta':
        return event.delta === '' ? '' : chunk([{ text: event.delta, ...take() }])
      case 'refusal-delta':
        return chunk([{ text: event.delta, ...take() }])
      case 'reasoning-start':
        reasoning.set(event.index, { provider: event.provider, id: event.id, redactedData: event.redactedData, shown: false, signed: false })
        return ''
      case 'reasoning-delta': {
        const block = reasoning.get(event.index)
        if (!block || event.delta === '') return ''
        const sign = block.provider === GEMINI_WIRE && block.encryptedContent !== undefined && !block.signed
        block.shown = true
        block.signed ||= sign
        return flush() + chunk([{ text: event.delta, thought: true, ...(sign && { thoughtSignature: block.encryptedContent }) }])
      }
      case 'reasoning-signature': {
        const block = reasoning.get(event.index)
        if (block) Object.assign(block, event.signature !== undefined && { signature: event.signature }, event.encryptedContent !== undefined && { encryptedContent: event.encryptedContent })
        return ''
      }
      case 'reasoning-end': {
        const block = reasoning.get(event.index)
        reasoning.delete(event.index)
        return block ? endReasoning(block) : ''
      }
      case 'tool-call-start':
        calls.set(event.index, { id: event.id, name: event.name, args: '' })
        return ''
      case 'tool-call-delta': {
        const call = calls.get(event.index)
        if (call) call.args += event.argumentsDelta
        return ''
      }
      case 'tool-call-end': {
        const call = calls.get(event.index)
        calls.delete(event.index)
        return call ? endCall(call) : ''
      }
      case 'provider-block':
        return event.provider === GEMINI_WIRE ? flush() + chunk([event.block as GeminiPart]) : ''
      case 'usage':
        usage = event.usage
        return ''
      case 'finish': {
        ended = true
        usage = event.usage
        return chunk([{ text: '', ...take() }], mapToGeminiFinishReason(event.finishReason, event.rawFinishReason)) + (jsonArray ? ']' : '')
      }
      case 'error': {
        ended = true
        const body = JSON.stringify({ error: convertToGeminiError(event.error) })
        return jsonArray ? `${opened ? ',\r\n' : '['}${body}]` : `data: ${body}\r\n\r\n`
      }
      default:
        return ''
    }
  }

  return {
    render: (event) => (ended ? '' : render(event)),
    contentType: jsonArray ? 'application/json; charset=utf-8' : 'text/event-stream; charset=utf-8',
  }
}
