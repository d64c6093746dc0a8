import {
  convertGeminiUsage,
  emptyUsage,
  GEMINI_WIRE,
  mapGeminiBlockReason,
  mapGeminiFinishReason,
  normalizeThoughtSignature,
  type ConversionContext,
  type GeminiFunctionCall,
  type GeminiPart,
  type SseEvent,
  type StreamConverter,
  type StreamEvent,
  type Usage,
} from '@tollgate/core'
import { createPartialArguments } from './accumulate-partial-arguments'
import { convertGeminiError } from './convert-gemini-error'
import { createdAt, geminiCallIdMinter } from './convert-gemini-response'

const TRUNCATED: StreamEvent = { type: 'error', error: { status: 502, type: 'upstream_error', code: 'stream_truncated', message: 'Upstream stream ended before completion' } }
const UNREADABLE: StreamEvent = { type: 'error', error: { status: 502, type: 'upstream_error', code: 'invalid_upstream_event', message: 'Gemini sent an unreadable stream event' } }

type OpenBlock =
  | { kind: 'text' | 'reasoning'; index: number }
  | { kind: 'call'; index: number; args: ReturnType<typeof createPartialArguments> }

/**
 * Gemini SSE (`streamGenerateContent?alt=sse`) → canonical events. Each chunk is a whole
 * GenerateContentResponse: its parts continue the open text or thought block, a function call comes
 * whole (or, on Vertex AI with streamed arguments, as `willContinue` fragments), and usageMetadata
 * is cumulative (a `usage` event when it changes). As in the non-stream conversion, a signature on a
 * text or call part is a signature-only reasoning block just before it (linked to the call's id),
 * a thought's signature its own. `finish` comes at the end of the stream, once Gemini gave a
 * finishReason (or blocked the prompt); an `{"error": ...}` chunk ends the stream with that error.
 */
export function createGeminiStreamConverter(context: ConversionContext): StreamConverter {
  let started = false
  let ended = false
  let nextIndex = 0
  let open: OpenBlock | undefined
  let mintId: (ordinal: number, call: GeminiFunctionCall) => string = geminiCallIdMinter(undefined)
  let ordinal = 0
  let hasCalls = false
  let usage: Usage | undefined
  let usageKey = ''
  let finishReason: string | undefined
  let blockReason: string | undefined

  function close(out: StreamEvent[]) {
    if (open?.kind === 'text') out.push({ type: 'text-end', index: open.index })
    else if (open?.kind === 'reasoning') out.push({ type: 'reasoning-end', index: open.index })
    else if (open?.kind === 'call') out.push({ type: 'tool-call-delta', index: open.index, argumentsDelta: open.args.text() }, { type: 'tool-call-end', index: open.index })
    open = undefined
  }

  function signature(value: string, out: StreamEvent[], id?: string) {
    const index = nextIndex++
    out.push({ type: 'reasoning-start', index, provider: GEMINI_WIRE, ...(id !== undefined && { id }) }, { type: 'reasoning-signature', index, encryptedContent: value }, { type: 'reasoning-end', index })
  }

  function functionCall(call: GeminiFunctionCall, signed: string | undefined, out: StreamEvent[]) {
    if (open?.kind === 'call') {
      open.args.add(call.partialArgs)
      if (call.willContinue !== true) close(out)
      return
    }
    close(out)
    const id = typeof call.id === 'string' ? call.id : mintId(ordinal, call)
    ordinal++
    hasCalls = true
    if (signed !== undefined) signature(signed, out, id)
    const index = nextIndex++
    out.push({ type: 'tool-call-start', index, id, name: call.name ?? '' })
    const args = createPartialArguments(call.args)
    args.add(call.partialArgs)
    if (call.willContinue === true) open = { kind: 'call', index, args }
    else out.push({ type: 'tool-call-delta', index, argumentsDelta: args.text() }, { type: 'tool-call-end', index })
  }

  function part(part: GeminiPart, out: StreamEvent[]) {
    const signed = typeof part.thoughtSignature === 'string' ? normalizeThoughtSignature(part.thoughtSignature) : undefined
    if (part.functionCall) return functionCall(part.functionCall, signed, out)
    if (part.thought === true && (part.text === undefined || typeof part.text === 'string')) {
      if (signed !== undefined || open?.kind !== 'reasoning') {
        close(out)
        open = { kind: 'reasoning', index: nextIndex++ }
        out.push({ type: 'reasoning-start', index: open.index, provider: GEMINI_WIRE })
        if (signed !== undefined) out.push({ type: 'reasoning-signature', index: open.index, encryptedContent: signed })
      }
      if (part.text) out.push({ type: 'reasoning-delta', index: open!.index, delta: part.text })
    } else if (typeof part.text === 'string') {
      if (signed !== undefined) close(out), signature(signed, out)
      if (part.text === '') return
      if (open?.kind !== 'text') close(out), (open = { kind: 'text', index: nextIndex++ }), out.push({ type: 'text-start', index: open.index })
      out.push({ type: 'text-delta', index: open.index, delta: part.text })
    } else {
      close(out)
      out.push({ type: 'provider-block', index: nextIndex++, provider: GEMINI_WIRE, block: part })
    }
  }

  function event(sse: SseEvent): StreamEvent[] {
    if (ended) return []
    let chunk: any
    try {
      chunk = JSON.parse(sse.data)
    } catch {
      ended = true
      return [UNREADABLE]
    }
    if (chunk?.error) {
      ended = true
      const status = typeof chunk.error.code === 'number' && chunk.error.code >= 400 ? chunk.error.code : 502
      return [{ type: 'error', error: convertGeminiError(status, chunk, new Headers()) }]
    }
    const out: StreamEvent[] = []
    const chunkUsage = chunk?.usageMetadata ? convertGeminiUsage(chunk.usageMetadata) : undefined
    if (!started) {
      started = true
      mintId = geminiCallIdMinter(chunk?.responseId)
      const id = typeof chunk?.responseId === 'string' ? chunk.responseId : crypto.randomUUID()
      out.push({ type: 'response-start', id, model: chunk?.modelVersion ?? context.modelId, created: createdAt(chunk?.createTime), ...(chunkUsage && { usage: chunkUsage }) })
    } else if (chunkUsage && JSON.stringify(chunkUsage) !== usageKey) {
      out.push({ type: 'usage', usage: chunkUsage })
    }
    if (chunkUsage) (usage = chunkUsage), (usageKey = JSON.stringify(chunkUsage))
    const candidate = chunk?.candidates?.[0]
    const parts = candidate?.content?.parts
    if (Array.isArray(parts)) for (const item of parts) if (typeof item === 'object' && item !== null) part(item, out)
    if (typeof candidate?.finishReason === 'string') (finishReason = candidate.finishReason), close(out)
    if (typeof chunk?.promptFeedback?.blockReason === 'string') blockReason = chunk.promptFeedback.blockReason
    return out
  }

  return {
    event,
    /** End of the upstream bytes: finish if Gemini said why it stopped, else a truncation error. */
    end() {
      if (ended) return []
      ended = true
      const out: StreamEvent[] = []
      close(out)
      const raw = finishReason ?? blockReason
      if (raw === undefined) return [...out, TRUNCATED]
      const reason = finishReason !== undefined ? mapGeminiFinishReason(finishReason, hasCalls) : mapGeminiBlockReason(raw)
      return [...out, { type: 'finish', finishReason: reason, rawFinishReason: raw, usage: usage ?? emptyUsage() }]
    },
  }
}
