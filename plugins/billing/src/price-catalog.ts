import { matchesPattern, usdToMicros } from '@tollgate/core'
import type { PriceConfig, PriceRates } from './billing-options'

/** Rates in integer micro-USD per million tokens (`request`: micro-USD per request). */
export interface MicroRates {
  input: number
  cachedInput: number
  cacheWrite: number
  output: number
  reasoning: number
  request: number
}

/** One price version: what every ledger entry and usage record priced with it names by `id`. */
export interface PriceVersion {
  /** `<provider/model>@<effective date>#<digest of the rates>`: unique per content. */
  id: string
  /** The catalogue key (`provider/model` or a pattern). */
  model: string
  /** Unix ms (UTC midnight of `effectiveFrom`); 0 = always. */
  effectiveFrom: number
  rates: MicroRates
  longContext?: { above: number; rates: MicroRates }
  /** The prices as configured (USD), for display. */
  config: PriceConfig
}

export interface PriceCatalog {
  /** The version in effect at `time` (Unix ms) for `provider/model`, or undefined when the model has no price. */
  lookup(model: string, time: number): PriceVersion | undefined
  /** Every catalogue key with its versions, oldest first. */
  entries(): Array<{ model: string; versions: PriceVersion[] }>
}

function toMicroRates(rates: Partial<PriceRates>, base?: MicroRates): MicroRates {
  const input = rates.input === undefined ? base!.input : usdToMicros(rates.input)
  const output = rates.output === undefined ? base!.output : usdToMicros(rates.output)
  return {
    input,
    cachedInput: rates.cachedInput === undefined ? (base?.cachedInput ?? input) : usdToMicros(rates.cachedInput),
    cacheWrite: rates.cacheWrite === undefined ? (base?.cacheWrite ?? input) : usdToMicros(rates.cacheWrite),
    output,
    reasoning: rates.reasoning === undefined ? (base?.reasoning ?? output) : usdToMicros(rates.reasoning),
    request: rates.request === undefined ? (base?.request ?? 0) : usdToMicros(rates.request),
  }
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable digest of a version's rates. */
function digest(text: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0
  return hash.toString(16).padStart(8, '0')
}

function compileVersion(model: string, config: PriceConfig): PriceVersion {
  const rates = toMicroRates(config)
  const longContext = config.longContext && { above: config.longContext.above, rates: toMicroRates(config.longContext, rates) }
  const date = config.effectiveFrom ?? '1970-01-01'
  return { id: `${model}@${date}#${digest(JSON.stringify([rates, longContext ?? null]))}`, model, effectiveFrom: Date.parse(`${date}T00:00:00Z`), rates, longContext, config }
}

/**
 * The price catalogue: built-in prices with the configured ones over them (a model configured
 * takes only its configured versions). Keys are `provider/model` or patterns with `*`: an exact
 * key wins, then the longest matching pattern. A version applies from its effective date; before
 * the first one, the first one applies (a clock behind the table is not a free request).
 */
export function createPriceCatalog(defaults: Record<string, PriceConfig>, configured: Record<string, PriceConfig | PriceConfig[]>): PriceCatalog {
  const table = new Map<string, PriceVersion[]>()
  for (const [model, config] of Object.entries({ ...defaults, ...configured })) {
    const versions = (Array.isArray(config) ? config : [config]).map((version) => compileVersion(model, version))
    table.set(model, versions.sort((a, b) => a.effectiveFrom - b.effectiveFrom))
  }
  const patterns = [...table.keys()].filter((key) => key.includes('*')).sort((a, b) => b.length - a.length)
  const resolved = new Map<string, PriceVersion[] | null>()

  function versionsOf(model: string): PriceVersion[] | undefined {
    let found = resolved.get(model)
    if (found === undefined) {
      const key = table.has(model) ? model : patterns.find((pattern) => matchesPattern(pattern, model))
      found = key === undefined ? null : table.get(key)!
      if (resolved.size > 10_000) resolved.clear()
      resolved.set(model, found)
    }
    return found ?? undefined
  }

  return {
    lookup(model, time) {
      const versions = versionsOf(model)
      if (!versions) return undefined
      let current = versions[0]
      for (const version of versions) if (version.effectiveFrom <= time) current = version
      return current
    },
    entries: () => [...table].map(([model, versions]) => ({ model, versions })),
  }
}
