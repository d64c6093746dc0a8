import type { PluginServices, Store } from '@tollgate/core'
import type { BalanceRule, BillingOptions } from './billing-options'
import type { PriceCatalog } from './price-catalog'

/** What the billing plugin's hooks, routes and commands share once the gateway has started. */
export interface BillingRuntime {
  store(): Promise<Store>
  prices(): PriceCatalog
  plans(): Record<string, BalanceRule[]>
  services(): PluginServices
  options: BillingOptions
}
