import type { Usage } from '@tollgate/core'
import type { MicroRates, PriceVersion } from './price-catalog'

const PER_MILLION = 1_000_000n
const HALF = PER_MILLION / 2n

const tokens = (count: number) => BigInt(Math.max(0, Math.round(count)))

/** The rates for a prompt of `inputTokens`: the long-context tier above its threshold. */
const ratesFor = (version: PriceVersion, inputTokens: number): MicroRates =>
  version.longContext && inputTokens > version.longContext.above ? version.longContext.rates : version.rates

/** Σ tokens × (micro-USD per million) is exact in BigInt; it is divided by a million once, rounding half up. */
const toMicros = (scaled: bigint, rates: MicroRates) => Number((scaled + HALF) / PER_MILLION) + rates.request

/**
 * The cost of a usage in integer micro-USD:
 * noCache×input + cacheRead×cachedInput + cacheWrite×cacheWrite + text×output + reasoning×reasoning,
 * summed exactly, rounded once (half up) to the micro-USD, plus the per-request fee.
 */
export function costOfUsage(version: PriceVersion, usage: Usage): number {
  const rates = ratesFor(version, usage.input.total)
  const scaled =
    tokens(usage.input.noCache) * BigInt(rates.input) +
    tokens(usage.input.cacheRead) * BigInt(rates.cachedInput) +
    tokens(usage.input.cacheWrite) * BigInt(rates.cacheWrite) +
    tokens(usage.output.text) * BigInt(rates.output) +
    tokens(usage.output.reasoning) * BigInt(rates.reasoning)
  return toMicros(scaled, rates)
}

/**
 * The most a request could cost, for its reservation: every input token at the dearest input
 * rate (plain, cached or cache write) and every output token at the dearest output rate.
 */
export function worstCaseCost(version: PriceVersion, inputTokens: number, outputTokens: number): number {
  const rates = ratesFor(version, inputTokens)
  const inputRate = Math.max(rates.input, rates.cachedInput, rates.cacheWrite)
  const outputRate = Math.max(rates.output, rates.reasoning)
  return toMicros(tokens(inputTokens) * BigInt(inputRate) + tokens(outputTokens) * BigInt(outputRate), rates)
}
