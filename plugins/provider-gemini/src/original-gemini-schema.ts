import { convertGeminiSchema } from '@tollgate/core'

/**
 * The OpenAPI-subset schema a Gemini client sent (kept in providerData), when the canonical JSON
 * Schema is still its conversion: then Gemini gets it back exactly as sent. If a plugin changed the
 * canonical schema (or there is none), undefined: the canonical JSON Schema is sent instead.
 */
export function originalGeminiSchema(original: unknown, canonical: Record<string, unknown>): Record<string, unknown> | undefined {
  if (typeof original !== 'object' || original === null || Array.isArray(original)) return undefined
  const converted = convertGeminiSchema(original as Record<string, unknown>)
  return JSON.stringify(converted) === JSON.stringify(canonical) ? (original as Record<string, unknown>) : undefined
}
