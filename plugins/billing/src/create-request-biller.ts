import { GatewayError, microsToUsd, type FinishInfo, type ModelCatalog, type RequestContext, type Route, type Store, type Usage } from '@tollgate/core'
import { balanceRequirement } from './balance-rules'
import { insufficientBalance, modelNotPriced, spendLimitExceeded } from './billing-errors'
import type { BalanceRule } from './billing-options'
import { releaseReservation, settleReservation } from './close-reservation'
import type { PriceCatalog, PriceVersion } from './price-catalog'
import { costOfUsage, worstCaseCost } from './price-usage'
import type { createReservationRenewer } from './reservation-renewer'
import { requestKind } from './request-kind'
import { reserveFunds } from './reserve-funds'
import { toUsageRecord } from './to-usage-record'
import type { createUsageRecorder } from './usage-recorder'

/** What billing keeps for a request at `context.state.billing`. */
export interface BillingRecord {
  /** Money held for the request, micro-USD (absent: nothing held). */
  reservedMicros?: number
  priceVersion?: string | null
  /** Why the request was refused (a 402), answered again if the upstream call is retried. */
  refusal?: GatewayError
}

export interface RequestBillerOptions {
  store(): Promise<Store>
  prices(): PriceCatalog
  plans(): Record<string, BalanceRule[]>
  catalog(): ModelCatalog
  unpricedModels: 'refuse' | 'free'
  defaultMaxOutputTokens: number
  renewer: ReturnType<typeof createReservationRenewer>
  recorder: ReturnType<typeof createUsageRecorder>
  logger: Pick<Console, 'warn' | 'error'>
}

const servedName = (route: Route) => `${route.provider.id}/${route.upstreamModel}`

/**
 * An aborted or cut stream is metered with the gateway's estimate; when the upstream never said
 * how many input tokens it read (OpenAI reports usage only at the end), the input is billed from
 * the admission estimate (the request's size) rather than not at all: the provider bills it.
 */
function withInputEstimate(context: RequestContext, usage: Usage | undefined): Usage | undefined {
  if (!usage || context.state.usageEstimated !== true || usage.input.total > 0 || context.estimate.inputTokens <= 0) return usage
  const inputTokens = context.estimate.inputTokens
  return { ...usage, input: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 } }
}

/**
 * Billing of one request: reserve its worst case before the upstream call, price its usage when
 * known, settle (or release) when it ends, and record it.
 */
export function createRequestBiller(options: RequestBillerOptions) {
  const warned = new Set<string>()
  const finishing = new Set<Promise<void>>()

  function lookup(route: Route, time: number): PriceVersion | undefined {
    const version = options.prices().lookup(servedName(route), time)
    if (!version && options.unpricedModels === 'free' && !warned.has(servedName(route))) {
      warned.add(servedName(route))
      options.logger.warn(`[tollgate] billing: no price for '${servedName(route)}': its requests cost nothing (unpricedModels: 'free')`)
    }
    return version
  }

  /** The worst case of a route: the estimated input and the output limit (the request's, else the model's). */
  function worstCaseOf(context: RequestContext, route: Route): { amount: number; version: PriceVersion } | undefined {
    const version = lookup(route, context.startedAt)
    if (!version) return undefined
    const model = route.model
    const embedding = model?.type === 'embedding' || requestKind(context) === 'embedding'
    const output = embedding ? 0 : (context.estimate.maxOutputTokens ?? model?.maxOutputTokens ?? model?.defaultMaxTokens ?? options.defaultMaxOutputTokens)
    return { amount: worstCaseCost(version, context.estimate.inputTokens, output), version }
  }

  /** The serving route's worst case, or the dearest of the fallback models the client listed. */
  function reservationOf(context: RequestContext) {
    const route = context.route!
    const primary = worstCaseOf(context, route)
    if (!primary && options.unpricedModels === 'refuse') throw modelNotPriced(servedName(route))
    let amount = primary?.amount ?? 0
    for (const name of context.preferences?.models ?? []) {
      try {
        amount = Math.max(amount, worstCaseOf(context, options.catalog().resolve(name))?.amount ?? 0)
      } catch {
        // Not a catalogue model (a routing route): the fallback is settled at its real price.
      }
    }
    return { amount, priceVersion: primary?.version.id ?? null, modelNames: [context.model, servedName(route)] }
  }

  async function hold(context: RequestContext, accountId: string): Promise<BillingRecord> {
    const principal = context.principal!
    const { amount, priceVersion, modelNames } = reservationOf(context)
    const { thresholdMicros, minimumMicros } = balanceRequirement(options.plans(), principal.plan, modelNames, amount)
    const store = await options.store()
    if (amount === 0) {
      // Nothing to hold (a free model): only the plan's rule, if it asks for a balance, is checked.
      if (thresholdMicros > 0) {
        const figures = await store.balances.get(accountId)
        if (!figures || figures.balanceMicros - figures.reservedMicros < thresholdMicros) throw insufficientBalance(amount, minimumMicros)
      }
      return { priceVersion }
    }
    const keyLimitMicros = principal.keyLimits?.spendLimitMicros
    const result = await reserveFunds(store, { requestId: context.id, accountId, keyId: principal.keyId, amountMicros: amount, thresholdMicros, keyLimitMicros, priceVersion })
    if (!result.reserved) throw result.reason === 'insufficient_balance' ? insufficientBalance(amount, minimumMicros) : spendLimitExceeded(amount, keyLimitMicros)
    options.renewer.hold(context.id)
    return { reservedMicros: result.reservation.amountMicros, priceVersion }
  }

  return {
    /** Before the upstream call: hold the worst case, or refuse with a 402 in the client's dialect. */
    async reserve(context: RequestContext): Promise<void> {
      const principal = context.principal
      if (!principal?.accountId || requestKind(context) === 'count') return
      // Once per request, whatever calls it again (a retry when billing is listed after routing).
      const earlier = context.state.billing as BillingRecord | undefined
      if (earlier?.refusal) throw earlier.refusal
      if (earlier) return
      try {
        context.state.billing = await hold(context, principal.accountId)
      } catch (error) {
        context.state.billing = { refusal: GatewayError.from(error) } satisfies BillingRecord
        throw error
      }
    },

    /** The `priceUsage` hook: the usage's cost in USD at the serving model's price. */
    price(context: RequestContext, usage: Usage): number | undefined {
      const version = context.route && lookup(context.route, context.startedAt)
      if (version) return microsToUsd(costOfUsage(version, usage))
      return context.route && options.unpricedModels === 'free' ? 0 : undefined
    },

    /** The request ended: settle what it cost (or release its hold), then record it. Exactly once per request. */
    finish(context: RequestContext, info: FinishInfo): Promise<void> {
      const done = (async () => {
        const billing = context.state.billing as BillingRecord | undefined
        const usage = withInputEstimate(context, info.usage)
        const version = context.route && usage ? lookup(context.route, context.startedAt) : undefined
        const costMicros = version && usage ? costOfUsage(version, usage) : 0
        let chargedMicros = 0
        try {
          if (billing?.reservedMicros !== undefined) {
            const store = await options.store()
            // Something was generated (also an aborted or failed stream): it is billed; otherwise the hold goes back.
            if (costMicros > 0) chargedMicros = (await settleReservation(store, { requestId: context.id, costMicros, priceVersion: version?.id ?? null, keyLimitMicros: context.principal?.keyLimits?.spendLimitMicros })).chargedMicros
            else await releaseReservation(store, context.id)
          }
        } catch (error) {
          options.logger.error(`[tollgate] billing: settling ${context.id} failed (its hold is released by the sweep):`, error)
        } finally {
          options.renewer.release(context.id)
        }
        if (chargedMicros < costMicros && billing?.reservedMicros !== undefined) options.logger.warn(`[tollgate] billing: ${context.id} cost ${costMicros} µUSD, more than was available; charged ${chargedMicros}`)
        // A model request with a caller gets its record; token counting (free) and the gateway's other routes do not.
        if (context.principal && context.model !== '' && requestKind(context) !== 'count') options.recorder.add(toUsageRecord(context, { ...info, usage }, { costMicros, chargedMicros, priceVersion: version?.id ?? billing?.priceVersion ?? null }))
      })()
      finishing.add(done)
      return done.finally(() => finishing.delete(done))
    },

    /** Wait (at most `timeoutMs`) for requests in flight to end and settle: graceful shutdown. */
    async drain(timeoutMs: number): Promise<void> {
      const deadline = Date.now() + timeoutMs
      while ((options.renewer.size > 0 || finishing.size > 0) && Date.now() < deadline) {
        const pause = new Promise((resolve) => setTimeout(resolve, 25))
        await (finishing.size > 0 ? Promise.race([Promise.allSettled([...finishing]), pause]) : pause)
      }
    },
  }
}
