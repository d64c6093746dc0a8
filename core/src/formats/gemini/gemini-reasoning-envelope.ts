import type { ReasoningPart } from '../../canonical/content'
import { utf8ToBase64 } from '../anthropic-messages/convert-anthropic-blocks'
import { GEMINI_WIRE } from './gemini-thought-signature'

const PREFIX = 'tollgate.reasoning.v1:'
/** Base64 of the prefix's first 21 bytes: every envelope starts with these 28 characters. */
const ENCODED_PREFIX = btoa(PREFIX.slice(0, 21))

export type ForeignReasoningState = Pick<ReasoningPart, 'provider' | 'signature' | 'redactedData' | 'encryptedContent' | 'id'>

const base64ToUtf8 = (data: string) => new TextDecoder().decode(Uint8Array.from(atob(data), (character) => character.charCodeAt(0)))

/**
 * Reasoning state minted by another provider (an Anthropic signature or redacted thinking, OpenAI
 * encrypted reasoning) carried through a Gemini client in the one field Gemini clients keep and send
 * back byte for byte: `thoughtSignature`. The envelope is base64 (as the SDKs expect of that bytes
 * field) of a marker and the JSON state; undefined when the part has no opaque state to carry.
 */
export function wrapForeignReasoning(part: ReasoningPart): string | undefined {
  if (part.provider === undefined || part.provider === GEMINI_WIRE) return undefined
  if (part.signature === undefined && part.redactedData === undefined && part.encryptedContent === undefined) return undefined
  const state: ForeignReasoningState = { provider: part.provider }
  if (part.signature !== undefined) state.signature = part.signature
  if (part.redactedData !== undefined) state.redactedData = part.redactedData
  if (part.encryptedContent !== undefined) state.encryptedContent = part.encryptedContent
  if (part.id !== undefined) state.id = part.id
  return utf8ToBase64(PREFIX + JSON.stringify(state))
}

/** The foreign reasoning state inside a (normalised) thought signature, or undefined for a real Gemini signature. */
export function unwrapForeignReasoning(signature: string): ForeignReasoningState | undefined {
  if (!signature.startsWith(ENCODED_PREFIX)) return undefined
  try {
    const text = base64ToUtf8(signature)
    if (!text.startsWith(PREFIX)) return undefined
    const state = JSON.parse(text.slice(PREFIX.length))
    if (typeof state?.provider !== 'string') return undefined
    const out: ForeignReasoningState = { provider: state.provider }
    for (const key of ['signature', 'redactedData', 'encryptedContent', 'id'] as const) if (typeof state[key] === 'string') out[key] = state[key]
    return out
  } catch {
    return undefined
  }
}
