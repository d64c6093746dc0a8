/**
 * The fields of a wire object the canonical form does not carry: unknown keys, and known keys whose
 * value is `null` (meaning "not given"). Kept verbatim in providerData so that the Responses
 * provider writes them back. Undefined when there are none.
 */
export function leftoverFields(object: Record<string, unknown>, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  let leftover: Record<string, unknown> | undefined
  for (const key in object) {
    if (known.has(key) && object[key] !== null) continue
    leftover ??= {}
    leftover[key] = object[key]
  }
  return leftover
}
