/**
 * Apply a provider's field renames to a request body: `{ max_completion_tokens: 'max_tokens' }`,
 * dotted targets nest (`{ user: 'metadata.user_id' }`). Returns the same object, mutated.
 */
export function applyRenames(body: Record<string, unknown>, renames: Record<string, string> | undefined) {
  if (!renames) return body
  for (const [from, to] of Object.entries(renames)) {
    if (!(from in body)) continue
    const value = body[from]
    delete body[from]
    const path = to.split('.')
    let target = body
    for (const key of path.slice(0, -1)) {
      const next = target[key]
      target = (next && typeof next === 'object' ? next : (target[key] = {})) as Record<string, unknown>
    }
    target[path[path.length - 1]] = value
  }
  return body
}
