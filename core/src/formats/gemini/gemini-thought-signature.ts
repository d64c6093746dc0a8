import { normalizeBase64 } from './normalize-base64'

/**
 * The Gemini wire format's name: the dialect id, the key of `extra` and `providerData`, and the
 * `provider` of reasoning and provider blocks Gemini minted (OpenAI Chat format `google-gemini-v1`).
 */
export const GEMINI_WIRE = 'gemini'

/**
 * Google's documented placeholder for a function call whose signature is unknown (history from
 * another model): Gemini 3 accepts it instead of rejecting the turn.
 */
export const SKIP_THOUGHT_SIGNATURE_VALIDATOR = 'skip_thought_signature_validator'
const PLACEHOLDERS = new Set([SKIP_THOUGHT_SIGNATURE_VALIDATOR, 'context_engineering_is_the_way_to_go'])

/**
 * A thought signature as Gemini sends it: standard base64 with padding (the google-genai SDKs re-send
 * signatures url-safe encoded; see normalizeBase64). Google's placeholders stay as they are.
 */
export function normalizeThoughtSignature(signature: string): string {
  return PLACEHOLDERS.has(signature) ? signature : normalizeBase64(signature)
}

/** Gemini 3 models validate thought signatures on function calls (earlier ones do not). */
export function requiresThoughtSignatures(modelId: string): boolean {
  const major = /^(?:models\/)?gemini-(\d+)/.exec(modelId)?.[1]
  return major !== undefined && Number(major) >= 3
}
