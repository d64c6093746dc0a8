import type { AssistantPart, ReasoningPart } from '../../canonical/content'
import { GatewayError } from '../../errors/gateway-error'
import { unwrapForeignReasoning, type ForeignReasoningState } from './gemini-reasoning-envelope'
import { GEMINI_WIRE, normalizeThoughtSignature } from './gemini-thought-signature'
import type { GeminiFunctionCall } from './gemini-types'

export interface GeminiModelPartsOptions {
  /** Id for a function call that came without one; `ordinal` counts the function calls so far. */
  mintId(ordinal: number, call: GeminiFunctionCall): string
  /** Keep empty text parts (a client's history, reproduced exactly) or drop them (an answer). */
  keepEmptyText: boolean
}

type Part = Record<string, unknown>
const invalid = (message: string, param: string) => new GatewayError({ status: 400, message, param })
const isRecord = (value: unknown): value is Part => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The fields of `object` outside `known`, or undefined when there are none. */
function without(object: Part, known: readonly string[]): Part | undefined {
  let extra: Part | undefined
  for (const key in object) if (!known.includes(key)) (extra ??= {})[key] = object[key]
  return extra
}

/** A part's fields the canonical part does not carry, as `providerData.gemini` (nothing when none). */
const rest = (part: Part, known: readonly string[]) => {
  const extra = without(part, known)
  return extra ? { providerData: { gemini: extra } } : {}
}

/** Reasoning state of a signature: Gemini's own, or another provider's carried in an envelope. */
function signaturePart(signature: string, foreign: ForeignReasoningState | undefined, id?: string): ReasoningPart {
  if (foreign) return { type: 'reasoning', text: '', ...foreign }
  return { type: 'reasoning', text: '', encryptedContent: signature, provider: GEMINI_WIRE, ...(id !== undefined && { id }) }
}

/** A thought carrying another provider's state: the plain thought texts just before it are its text (streamed in pieces). */
function foreignThought(out: AssistantPart[], text: string, foreign: ForeignReasoningState): ReasoningPart {
  let before = ''
  for (let last = out.at(-1); last?.type === 'reasoning' && last.provider === GEMINI_WIRE && last.encryptedContent === undefined && !last.providerData; last = out.at(-1)) {
    before = last.text + before
    out.pop()
  }
  return { type: 'reasoning', text: before + text, ...foreign }
}

/**
 * The parts of a Gemini `model` content (history or answer) → canonical assistant parts.
 * - A thought part (`thought: true`) is a reasoning part with its own signature (`encryptedContent`).
 * - A signature on any other part becomes a signature-only reasoning part placed just BEFORE that
 *   part; for a function call it also carries the call's id (`id`), which links it wherever it goes.
 * - Function calls without an id get a minted one; arguments are kept as JSON text.
 * - Parts with no canonical equivalent (executableCode, codeExecutionResult, inlineData, ...) are
 *   provider blocks, verbatim.
 * Signatures are normalised (url-safe → standard base64); envelopes of another provider's reasoning
 * (see wrapForeignReasoning) are unwrapped back to that provider's reasoning part.
 * The parts are appended to `out` (the turn so far, when a turn spans several contents).
 */
export function convertGeminiModelParts(parts: unknown, param: string, options: GeminiModelPartsOptions, out: AssistantPart[] = []): AssistantPart[] {
  if (parts === undefined) return out
  if (!Array.isArray(parts)) throw invalid(`${param} must be an array`, param)
  let ordinal = 0
  parts.forEach((part, index) => {
    const partParam = `${param}.${index}`
    if (!isRecord(part)) throw invalid(`${partParam} must be an object`, partParam)
    const raw = part.thoughtSignature
    if (raw !== undefined && typeof raw !== 'string') throw invalid(`${partParam}.thoughtSignature must be a string`, `${partParam}.thoughtSignature`)
    const signature = raw === undefined ? undefined : normalizeThoughtSignature(raw)
    const foreign = signature === undefined ? undefined : unwrapForeignReasoning(signature)
    if (part.functionCall !== undefined) {
      const call = part.functionCall
      if (!isRecord(call)) throw invalid(`${partParam}.functionCall must be an object`, `${partParam}.functionCall`)
      if (typeof call.name !== 'string') throw invalid(`${partParam}.functionCall.name must be a string`, `${partParam}.functionCall.name`)
      if (call.args !== undefined && !isRecord(call.args)) throw invalid(`${partParam}.functionCall.args must be an object`, `${partParam}.functionCall.args`)
      const id = typeof call.id === 'string' ? call.id : options.mintId(ordinal, call)
      ordinal++
      if (signature !== undefined) out.push(signaturePart(signature, foreign, id))
      // Extra fields of the part, and of the call itself under `functionCall`.
      const callExtra = without(call, ['id', 'name', 'args'])
      const extra = { ...without(part, ['functionCall', 'thoughtSignature']), ...(callExtra && { functionCall: callExtra }) }
      out.push({ type: 'tool-call', id, name: call.name, arguments: JSON.stringify(call.args ?? {}), ...(Object.keys(extra).length > 0 && { providerData: { gemini: extra } }) })
    } else if (part.thought === true && (part.text === undefined || typeof part.text === 'string')) {
      const text = (part.text as string | undefined) ?? ''
      if (foreign) out.push(foreignThought(out, text, foreign))
      else out.push({ type: 'reasoning', text, ...(signature !== undefined && { encryptedContent: signature }), provider: GEMINI_WIRE, ...rest(part, ['text', 'thought', 'thoughtSignature']) })
    } else if (typeof part.text === 'string') {
      if (signature !== undefined) out.push(signaturePart(signature, foreign))
      if (part.text !== '' || options.keepEmptyText) out.push({ type: 'text', text: part.text, ...rest(part, ['text', 'thoughtSignature']) })
    } else {
      out.push({ type: 'provider-block', provider: GEMINI_WIRE, block: part })
    }
  })
  return out
}
