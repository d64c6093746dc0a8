import type { AssistantPart, ReasoningPart } from '../../canonical/content'
import { GatewayError } from '../../errors/gateway-error'
import { wrapForeignReasoning } from './gemini-reasoning-envelope'
import { GEMINI_WIRE } from './gemini-thought-signature'
import { isMintedGeminiToolCallId } from './gemini-tool-call-id'
import type { GeminiPart } from './gemini-types'

export interface ToGeminiModelPartsOptions {
  /**
   * Reasoning minted by another provider: 'drop' it (a Gemini upstream cannot verify it) or carry it
   * in an 'envelope' (a Gemini client keeps thoughtSignature and sends it back).
   */
  foreignReasoning: 'drop' | 'envelope'
  /** Tool-call arguments that are not a JSON object: 'reject' (400) or send an 'empty' object (answers cut short). */
  invalidArguments: 'reject' | 'empty'
  /** Where the parts are, for 400 messages. */
  param?: string
}

/** Tool-call arguments (JSON text) → functionCall `args`; '' means none; undefined when not an object. */
export function parseGeminiArguments(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {}
  try {
    const args: unknown = JSON.parse(text)
    return typeof args === 'object' && args !== null && !Array.isArray(args) ? (args as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** A signature-only Gemini reasoning part (the state of the part that follows it, or of the call `id` names). */
const isBareSignature = (part: ReasoningPart) => part.provider === GEMINI_WIRE && part.text === '' && part.encryptedContent !== undefined

/**
 * Canonical assistant parts → the parts of a Gemini `model` content (the inverse of
 * convertGeminiModelParts): a Gemini signature goes back on the part it came with — the function
 * call its `id` names, else the part right after it, else an empty text part of its own. Thought
 * parts keep their signature; minted tool-call ids are not sent (the call had none). Provider blocks
 * of Gemini are sent verbatim, other providers' are left out.
 */
export function convertToGeminiModelParts(content: AssistantPart[], options: ToGeminiModelPartsOptions): GeminiPart[] {
  const callIds = new Set(content.flatMap((part) => (part.type === 'tool-call' ? [part.id] : [])))
  const byCall = new Map<string, string>()
  for (const part of content) if (part.type === 'reasoning' && isBareSignature(part) && part.id !== undefined && callIds.has(part.id)) byCall.set(part.id, part.encryptedContent!)

  const out: GeminiPart[] = []
  let pending: string | undefined
  const flush = () => {
    if (pending !== undefined) out.push({ text: '', thoughtSignature: pending })
    pending = undefined
  }
  const take = () => {
    const signature = pending
    pending = undefined
    return signature === undefined ? {} : { thoughtSignature: signature }
  }

  content.forEach((part, index) => {
    switch (part.type) {
      case 'text':
        out.push({ ...part.providerData?.gemini, text: part.text, ...take() })
        return
      case 'tool-call': {
        const args = parseGeminiArguments(part.arguments)
        if (!args && options.invalidArguments === 'reject') {
          const param = `${options.param ?? 'content'}.${index}.arguments`
          throw new GatewayError({ status: 400, message: 'Tool call arguments must be a JSON object', param })
        }
        const { functionCall: callExtra, ...partExtra } = (part.providerData?.gemini ?? {}) as { functionCall?: Record<string, unknown> }
        const own = byCall.get(part.id)
        if (own !== undefined) flush()
        const functionCall = { ...callExtra, ...(!isMintedGeminiToolCallId(part.id) && { id: part.id }), name: part.name, args: args ?? {} }
        out.push({ ...partExtra, functionCall, ...(own !== undefined ? { thoughtSignature: own } : take()) })
        return
      }
      case 'reasoning':
        if (isBareSignature(part)) {
          if (part.id === undefined || !byCall.has(part.id)) flush(), (pending = part.encryptedContent)
          return
        }
        flush()
        if (part.provider === GEMINI_WIRE) {
          if (part.text !== '' || part.encryptedContent !== undefined) out.push({ ...part.providerData?.gemini, text: part.text, thought: true, ...(part.encryptedContent !== undefined && { thoughtSignature: part.encryptedContent }) })
        } else if (options.foreignReasoning === 'envelope') {
          const envelope = wrapForeignReasoning(part)
          if (part.text !== '' || envelope !== undefined) out.push({ text: part.text, thought: true, ...(envelope !== undefined && { thoughtSignature: envelope }) })
        }
        return
      case 'provider-block':
        if (part.provider !== GEMINI_WIRE) return
        flush()
        out.push(part.block as GeminiPart)
    }
  })
  flush()
  return out
}
