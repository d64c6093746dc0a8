import { definePlugin, type GatewayPlugin, type PluginServices } from '@tollgate/core'
import { adminRoutes } from './admin-routes'
import { billingCommands } from './billing-commands'
import { validatePlans, validatePrices } from './billing-config-schema'
import type { BalanceRule, BillingOptions } from './billing-options'
import { billingRoutes } from './billing-routes'
import type { BillingRuntime } from './billing-runtime'
import { createRequestBiller } from './create-request-biller'
import { DEFAULT_PRICES } from './default-prices'
import { createPriceCatalog, type PriceCatalog } from './price-catalog'
import { readEnvironmentPrices } from './read-environment-prices'
import { renderPrice } from './render-billing'
import { createReservationRenewer } from './reservation-renewer'
import { createUsageRecorder } from './usage-recorder'

/**
 * Billing: a versioned price catalogue, prepaid balances debited per request with
 * reserve-then-settle (a burst of concurrent requests can never spend money that is not
 * there), an append-only ledger, usage records, and the cost of each request in its response.
 * List it after `keys()` (and a rate limiter) and before `routing()`: it reserves in
 * `wrapUpstream`, around the routing plugin's retries and fallbacks, once per request.
 */
export function billing(options: BillingOptions = {}): GatewayPlugin {
  const configuredPrices = validatePrices(options.prices ?? {}, 'billing({ prices })')
  const plans: Record<string, BalanceRule[]> = validatePlans(options.plans ?? {}, 'billing({ plans })')
  let services: PluginServices | undefined
  let prices: PriceCatalog = createPriceCatalog(options.defaultPrices === false ? {} : DEFAULT_PRICES, configuredPrices)
  let stopped = false

  const started = () => {
    if (!services) throw new Error('The billing plugin has not started')
    return services
  }
  const runtime: BillingRuntime = { store: () => started().store(), prices: () => prices, plans: () => plans, services: started, options }
  const logger = { info: (message: string) => services?.logger.info(message), warn: (message: string) => services?.logger.warn(message), error: (message: string, error?: unknown) => services?.logger.error(message, error) }
  const renewer = createReservationRenewer({ store: runtime.store, intervalMs: options.renewIntervalMs ?? 60_000, timeoutMs: options.reservationTimeoutMs ?? 300_000, logger })
  const recorder = createUsageRecorder({
    write: async (records) => (await runtime.store()).usageRecords.insertMany(records),
    flushMs: options.usage?.flushMs ?? 1000,
    batchSize: options.usage?.batchSize ?? 500,
    logger,
  })
  const biller = createRequestBiller({
    store: runtime.store,
    prices: () => prices,
    plans: () => plans,
    catalog: () => started().catalog,
    unpricedModels: options.unpricedModels ?? 'refuse',
    defaultMaxOutputTokens: options.defaultMaxOutputTokens ?? 4096,
    renewer,
    recorder,
    logger,
  })

  return definePlugin({
    name: 'billing',
    hooks: {
      async wrapUpstream(context, next) {
        await biller.reserve(context)
        return next()
      },
      priceUsage: (context, usage) => biller.price(context, usage),
      onFinish: (context, info) => (stopped ? undefined : biller.finish(context, info)),
    },
    routes: [...billingRoutes(runtime), ...adminRoutes(runtime)],
    commands: billingCommands(() => plans),
    describeModel(model) {
      const version = prices.lookup(`${model.provider}/${model.upstreamModel}`, Date.now())
      if (!version) return undefined
      const { object: _object, model: _key, ...pricing } = renderPrice(version)
      return { pricing: { ...pricing, unit: 'per_million_tokens' } }
    },
    async start(given) {
      services = given
      const environment = readEnvironmentPrices(given.env)
      if (Object.keys(environment).length > 0) prices = createPriceCatalog(options.defaultPrices === false ? {} : DEFAULT_PRICES, { ...configuredPrices, ...environment })
      const store = await given.store()
      await renewer.start()
      recorder.start()
      given.logger.info(`[tollgate] billing: ${prices.entries().length} priced models, balances and usage on ${store.dialect}; unpriced models are ${options.unpricedModels === 'free' ? 'free' : 'refused (402)'}`)
    },
    async stop() {
      await biller.drain(options.drainTimeoutMs ?? 10_000)
      stopped = true
      await renewer.stop()
      await recorder.stop()
    },
  })
}
