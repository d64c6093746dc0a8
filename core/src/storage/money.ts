/** Money is stored as integer micro-USD (1 USD = 1,000,000) so sums are exact; the API speaks decimal USD. */
export const MICROS_PER_USD = 1_000_000

/** Decimal USD (as sent in the API) → integer micro-USD. Sub-micro fractions round half away from zero. */
export function usdToMicros(usd: number): number {
  const micros = Math.round(Math.abs(usd) * MICROS_PER_USD) * Math.sign(usd)
  if (!Number.isSafeInteger(micros)) throw new RangeError(`Amount out of range: ${usd}`)
  return micros === 0 ? 0 : micros
}

/** Integer micro-USD → decimal USD for the API (exact to 6 decimals). */
export function microsToUsd(micros: number): number {
  return micros / MICROS_PER_USD
}
