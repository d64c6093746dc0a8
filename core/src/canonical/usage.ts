/**
 * Usage shaped for billing. Input: total = noCache + cacheRead + cacheWrite.
 * Output: total = text + reasoning. Providers convert their own semantics into this
 * (OpenAI counts cached tokens inside prompt_tokens; Anthropic reports cache reads/writes apart).
 */
export interface Usage {
  input: { total: number; noCache: number; cacheRead: number; cacheWrite: number }
  output: { total: number; text: number; reasoning: number }
  /**
   * What the request cost, in USD, when a plugin prices usage (`priceUsage` hook): set by the
   * gateway on the final usage only, and rendered as `cost` in the client's usage object.
   */
  cost?: number
}

export function emptyUsage(): Usage {
  return { input: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 }, output: { total: 0, text: 0, reasoning: 0 } }
}

/** Build a usage from the parts a provider reports; totals are derived so they always add up. */
export function createUsage(parts: {
  noCache?: number
  cacheRead?: number
  cacheWrite?: number
  text?: number
  reasoning?: number
}): Usage {
  const noCache = parts.noCache ?? 0
  const cacheRead = parts.cacheRead ?? 0
  const cacheWrite = parts.cacheWrite ?? 0
  const text = parts.text ?? 0
  const reasoning = parts.reasoning ?? 0
  return {
    input: { total: noCache + cacheRead + cacheWrite, noCache, cacheRead, cacheWrite },
    output: { total: text + reasoning, text, reasoning },
  }
}

/**
 * Usage from totals that include their parts (OpenAI's convention: input counts cached and
 * cache-written tokens, output counts reasoning tokens).
 */
export function createUsageFromTotals(totals: { input: number; cacheRead: number; cacheWrite: number; output: number; reasoning: number }): Usage {
  return createUsage({
    noCache: Math.max(0, totals.input - totals.cacheRead - totals.cacheWrite),
    cacheRead: totals.cacheRead,
    cacheWrite: totals.cacheWrite,
    text: Math.max(0, totals.output - totals.reasoning),
    reasoning: totals.reasoning,
  })
}
