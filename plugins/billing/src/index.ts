import { billing } from './billing-plugin'

export { billing } from './billing-plugin'
export type { BillingOptions, PriceConfig, PriceRates, BalanceRule } from './billing-options'
export { DEFAULT_PRICES, DEFAULT_PRICES_DATE } from './default-prices'
export { createPriceCatalog, type PriceCatalog, type PriceVersion, type MicroRates } from './price-catalog'
export { costOfUsage, worstCaseCost } from './price-usage'
export { reserveFunds, type ReserveRequest, type ReserveResult } from './reserve-funds'
export { settleReservation, releaseReservation, type SettleResult } from './close-reservation'
export { creditAccount, adjustAccount, refundRequest, type Movement } from './move-funds'
export type { BillingRecord } from './create-request-biller'
/** Zero config (`bun run start` with no plugins configured) enables `billing()` through this default export. */
export default billing
