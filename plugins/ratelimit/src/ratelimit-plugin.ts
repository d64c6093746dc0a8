import { definePlugin, type GatewayPlugin, type ModelCatalog, type PluginServices, type RequestContext, type Store } from '@tollgate/core'
import { createLeaseRenewer } from './lease-renewer'
import { limitsCommands } from './limits-commands'
import { createMemoryRateLimitStore } from './memory-rate-limit-store'
import { rateLimitError } from './rate-limit-error'
import { bindingState, rateLimitHeaders } from './rate-limit-headers'
import type { RateLimitStore } from './rate-limit-store'
import { validatePlans, validatePolicy } from './ratelimit-config-schema'
import { realClock, type PlanLimits, type RateLimitOptions } from './ratelimit-options'
import type { RateLimitRecord } from './rate-limit-record'
import { rateLimitsAdminRoute } from './rate-limits-admin-route'
import { readEnvironmentPlans } from './read-environment-plans'
import { createRedisRateLimitStore } from './redis-rate-limit-store'
import { createDirectLimiter, createResilientStore, type Limiter } from './resilient-rate-limit-store'
import { resolveLimitChecks, type LimitCheck } from './resolve-limit-checks'

/** What a request admitted under limits gives back when it finishes. */
interface Pending {
  store?: RateLimitStore
  checks: LimitCheck[]
  primaryUncertain: boolean
}

/** The names a requested model is known by: as asked, and as `provider/model` and bare id once resolved. */
function modelNames(model: string, catalog: ModelCatalog): string[] {
  try {
    const route = catalog.resolve(model)
    return [model, `${route.provider.id}/${route.upstreamModel}`, route.upstreamModel]
  } catch {
    return [model]
  }
}

/**
 * Rate limits: requests per minute, tokens per minute (the input estimate reserved at
 * admission, settled with the actual usage at the end) and concurrent requests (released when
 * the response has really ended, also on abort), per key, per account and per key and model;
 * defaults per plan, overrides stored on keys and accounts. Counters in memory, or in Redis
 * shared by every instance (atomic scripts) with a failure policy. Limit headers on every
 * inference response; over a limit → 429 `rate_limit_exceeded` with `Retry-After`.
 *
 * List it right after `keys()` and before billing, so a refused request reserves no money.
 */
export function rateLimits(options: RateLimitOptions = {}): GatewayPlugin {
  const configured = validatePlans(options.plans ?? {}, 'rateLimits({ plans })')
  const leaseMs = options.concurrencyLeaseMs ?? 60_000
  const concurrencyRetryMs = options.concurrencyRetryMs ?? 1000
  const clock = options.clock ?? realClock
  const pending = new WeakMap<RequestContext, Pending>()
  let started: { limiter: Limiter; plans: Record<string, PlanLimits>; catalog: ModelCatalog; renewer: ReturnType<typeof createLeaseRenewer>; store(): Promise<Store> } | undefined

  const state = () => {
    if (!started) throw new Error('The ratelimit plugin was used before the gateway started')
    return started
  }
  const plansFor = (env: Record<string, string | undefined>) => ({ ...configured, ...(options.environment === false ? {} : readEnvironmentPlans(env)) })

  function createLimiter(services: PluginServices): { limiter: Limiter; description: string } {
    const memory = createMemoryRateLimitStore({ clock, leaseMs, concurrencyRetryMs })
    const useRedis = options.store === 'redis' || (options.store !== 'memory' && services.redis !== undefined)
    if (!useRedis) return { limiter: createDirectLimiter(memory), description: 'in memory (this instance)' }
    if (!services.redis) throw new Error("rateLimits({ store: 'redis' }) needs REDIS_URL")
    const policy = options.onRedisFailure ?? validatePolicy(services.env.TOLLGATE_RATE_LIMIT_ON_REDIS_FAILURE ?? 'local', 'TOLLGATE_RATE_LIMIT_ON_REDIS_FAILURE')
    const redis = createRedisRateLimitStore({ redis: services.redis, clock: options.clock, prefix: options.redis?.prefix, leaseMs, concurrencyRetryMs })
    const limiter = createResilientStore({ primary: redis, fallback: memory, policy, timeoutMs: options.redis?.timeoutMs ?? 250, retryMs: options.redis?.retryMs ?? 1000, logger: services.logger })
    return { limiter, description: `in Redis, shared by every instance (if Redis fails: ${policy})` }
  }

  async function finish(context: RequestContext, tokens: number) {
    const held = pending.get(context)
    if (!held) return
    pending.delete(context)
    const { limiter, renewer } = state()
    renewer.release(context.id)
    const releases = held.checks.filter((check) => check.kind === 'concurrency').map((check) => check.id)
    const adjustments = held.checks.filter((check) => check.dimension === 'tokens').map((check) => ({ id: check.id, limit: check.limit, delta: tokens - check.cost }))
    if (held.store) await limiter.settle(held.store, { requestId: context.id, adjustments, releases })
    if (held.primaryUncertain) await limiter.releaseUncertain({ requestId: context.id, adjustments: [], releases })
  }

  return definePlugin({
    name: 'ratelimit',
    start(services) {
      const plans = plansFor(services.env)
      const { limiter, description } = createLimiter(services)
      const renewer = createLeaseRenewer(limiter, leaseMs)
      renewer.start()
      started = { limiter, plans, catalog: services.catalog, renewer, store: services.store }
      const names = Object.keys(plans)
      services.logger.info(`[tollgate] ratelimit: counters ${description}; ${names.length} plan${names.length === 1 ? '' : 's'}${names.length ? ` (${names.join(', ')})` : ''}`)
    },
    stop() {
      started?.renewer.stop()
    },
    hooks: {
      async admit(context) {
        const principal = context.principal
        if (!principal) return
        const { limiter, plans, catalog, renewer } = state()
        const checks = resolveLimitChecks({ principal, plans, modelNames: modelNames(context.model, catalog), estimatedTokens: context.estimate.inputTokens })
        if (checks.length === 0) return
        const admission = await limiter.reserve({ requestId: context.id, checks })
        if (!admission.checked) {
          if (admission.primaryUncertain) pending.set(context, { checks, primaryUncertain: true })
          context.state.ratelimit = { store: 'none', limits: [] } satisfies RateLimitRecord
          return
        }
        const { reservation, store } = admission
        const entries = checks.map((check, index) => ({ ...check, state: reservation.states[index] }))
        const headers = rateLimitHeaders({ dialect: context.dialect, now: clock.now(), requests: bindingState(entries, 'requests'), tokens: bindingState(entries, 'tokens') })
        for (const [name, value] of Object.entries(headers)) context.responseHeaders.set(name, value)
        context.state.ratelimit = {
          store: store.kind,
          limits: entries.map(({ scope, dimension, source, pattern, state: { limit, remaining, resetMs } }) => ({ scope, dimension, source, pattern, limit, remaining, resetMs })),
        } satisfies RateLimitRecord
        if (!reservation.allowed) {
          if (admission.primaryUncertain) pending.set(context, { checks, primaryUncertain: true })
          throw rateLimitError(reservation.refused.map((index) => checks[index]), reservation.retryAfterMs)
        }
        pending.set(context, { store, checks, primaryUncertain: admission.primaryUncertain })
        renewer.hold(context.id, { store, ids: checks.filter((check) => check.kind === 'concurrency').map((check) => check.id) })
      },
      // Both run once, at the very end. Settling at the first of them (usage comes before finish, and
      // this plugin before billing) frees the slot before slower plugins write their records, so a
      // client's next request never meets its previous one's slot.
      onUsage(context, usage) {
        return finish(context, usage.input.total + usage.output.total)
      },
      onFinish(context, { usage }) {
        return finish(context, usage ? usage.input.total + usage.output.total : 0)
      },
    },
    routes: [rateLimitsAdminRoute(state)],
    commands: limitsCommands({ plans: plansFor, redisPrefix: options.redis?.prefix }),
  })
}
