const compiled = new Map<string, RegExp>()

/**
 * Whether `value` matches an allowlist entry: an exact string, or a pattern where `*` stands
 * for any run of characters (`openai/*`, `claude-*-4-5`). With `stopAt`, `*` never crosses
 * that character: origins use `/`, so `https://*.example.com` cannot match
 * `https://evil.test/.example.com`. Case-sensitive; compiled patterns are cached.
 */
export function matchesPattern(pattern: string, value: string, stopAt?: string): boolean {
  if (!pattern.includes('*')) return pattern === value
  const cacheKey = `${stopAt ?? ''}\u0000${pattern}`
  let regex = compiled.get(cacheKey)
  if (!regex) {
    const wildcard = stopAt ? `[^${escape(stopAt)}]*` : '.*'
    regex = new RegExp(`^${pattern.split('*').map(escape).join(wildcard)}$`)
    if (compiled.size > 10_000) compiled.clear()
    compiled.set(cacheKey, regex)
  }
  return regex.test(value)
}

/** Whether any entry of the allowlist matches any of the candidate names. */
export function matchesAny(patterns: readonly string[], candidates: readonly string[], stopAt?: string): boolean {
  return patterns.some((pattern) => candidates.some((candidate) => matchesPattern(pattern, candidate, stopAt)))
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
