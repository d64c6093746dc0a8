const PREFIX = 'gemini_'

/** FNV-1a (32 bit) as 8 hex digits: a short, stable digest for ids. */
function digest(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/**
 * A tool call id for a Gemini function call that came without one. Deterministic, so the same
 * answer gets the same ids streamed or not: `gemini_<seed>_<ordinal>`, where the seed is the
 * response id (or the content position, for history) and the ordinal counts the function calls.
 * Fits OpenAI (at most 40 characters) and Anthropic (`[A-Za-z0-9_-]`) id rules; seeds that do not
 * fit are digested.
 */
export function mintGeminiToolCallId(seed: string, ordinal: number): string {
  const base = /^[A-Za-z0-9_-]{1,24}$/.test(seed) ? seed : digest(seed)
  return `${PREFIX}${base}_${ordinal}`
}

/** Minted ids are the gateway's own: they are not sent to Gemini (its function call had no id). */
export function isMintedGeminiToolCallId(id: string): boolean {
  return id.startsWith(PREFIX)
}
