/** Fields whose values are free-form JSON (arguments, results, schemas, labels): their keys are data. */
const OPAQUE = new Set(['args', 'response', 'parameters', 'parametersJsonSchema', 'responseSchema', 'responseJsonSchema', 'labels'])

const camelCase = (key: string) => (key.includes('_') ? key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()) : key)

/**
 * The Gemini API reads proto JSON, which accepts each field under its snake_case name as well
 * (`function_call`, `thinking_budget`, `parameters_json_schema`, ...; real clients send them). This
 * returns a copy with every field name in camelCase, without touching the inside of free-form
 * values (function arguments and responses, schemas, labels). The input is not modified.
 */
export function normalizeGeminiKeys(value: unknown): any {
  if (Array.isArray(value)) return value.map(normalizeGeminiKeys)
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    const name = camelCase(key)
    out[name] = OPAQUE.has(name) ? inner : normalizeGeminiKeys(inner)
  }
  return out
}
