import { billing, type BillingOptions } from '@tollgate/billing'
import type { GatewayConfig, Store } from '@tollgate/core'
import { createKeysGateway } from './create-keys-gateway'
import type { TestDatabase } from './test-databases'

/** Prices for the mock provider in tests: every mock token costs something, so balances move. */
export const MOCK_PRICES: BillingOptions['prices'] = { 'mock/*': { input: 1, output: 2 } }

/**
 * The keys gateway (fake upstreams, mock provider) with the billing plugin after keys, on a
 * fresh database; plus helpers for funded accounts, balances and the ledger.
 */
export async function createBillingGateway(
  database: TestDatabase,
  options: { billing?: BillingOptions; config?: Partial<GatewayConfig>; storeOptions?: ReturnType<TestDatabase['fresh']>; /** List billing after `config.plugins` (default: before). */ billingLast?: boolean } = {},
) {
  const billingOptions: BillingOptions = { prices: MOCK_PRICES, usage: { flushMs: 20 }, drainTimeoutMs: 2000, ...options.billing }
  const others = options.config?.plugins ?? []
  const gateway = await createKeysGateway(database, {
    storeOptions: options.storeOptions,
    config: { ...options.config, plugins: options.billingLast ? [...others, billing(billingOptions)] : [billing(billingOptions), ...others] },
  })
  const store = (): Promise<Store> => gateway.app.decorator.gateway.services.store()
  return {
    ...gateway,
    store,
    /** A new account topped up with `usd` and a key of it (`key.key` is the secret). */
    async fundedKey(usd: number, keyBody: Record<string, unknown> = {}, accountBody: Record<string, unknown> = { name: 'Funded' }) {
      const account = await gateway.createAccount(accountBody)
      if (usd > 0) {
        const credited = await gateway.admin('POST', `/admin/accounts/${account.id}/credits`, { amount: usd, note: 'test funds' })
        if (credited.status !== 200) throw new Error(`top-up failed: ${JSON.stringify(credited.body)}`)
      }
      const key = await gateway.createKey(account.id, keyBody)
      return { account, key }
    },
    async balance(accountId: string) {
      return (await gateway.admin('GET', `/admin/accounts/${accountId}/balance`)).body as { balance: number; reserved: number; available: number }
    },
    /** The account's figures and the sums of its ledger, in micro-USD (they must always agree). */
    async ledgerCheck(accountId: string) {
      const repositories = await store()
      const [figures, totals] = await Promise.all([repositories.balances.get(accountId), repositories.ledger.totals(accountId)])
      return { balanceMicros: figures!.balanceMicros, reservedMicros: figures!.reservedMicros, ledgerBalanceMicros: totals.amountMicros, ledgerReservedMicros: totals.reservedMicros, entries: totals.entries }
    },
    /** The usage record of a request, once the plugin's batch writer has written it (it flushes every 20 ms here). */
    async usageRecord(requestId: string, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const record = await (await store()).usageRecords.get(requestId)
        if (record || Date.now() > deadline) return record
        await Bun.sleep(10)
      }
    },
  }
}
