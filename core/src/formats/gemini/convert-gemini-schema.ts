const TYPES = new Set(['STRING', 'NUMBER', 'INTEGER', 'BOOLEAN', 'ARRAY', 'OBJECT', 'NULL'])

/**
 * A Gemini `Schema` (the OpenAPI subset of `parameters` / `responseSchema`, types in upper case)
 * → JSON Schema, for providers of other formats: types in lower case, `nullable: true` as a `null`
 * type, TYPE_UNSPECIFIED dropped. Other keywords are kept (unknown ones such as
 * `propertyOrdering` are ignored by JSON Schema). The input is not modified.
 */
export function convertGeminiSchema(schema: Record<string, unknown>): Record<string, unknown> {
  return convert(schema) as Record<string, unknown>
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert)
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'type' && typeof inner === 'string') {
      if (inner === 'TYPE_UNSPECIFIED') continue
      out.type = TYPES.has(inner) ? inner.toLowerCase() : inner
    } else if (key !== 'nullable' || typeof inner !== 'boolean') {
      out[key] = key === 'enum' || key === 'required' || key === 'propertyOrdering' ? inner : convert(inner)
    }
  }
  if ((value as Record<string, unknown>).nullable === true && typeof out.type === 'string') out.type = [out.type, 'null']
  return out
}
