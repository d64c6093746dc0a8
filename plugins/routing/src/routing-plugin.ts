import { definePlugin, type GatewayPlugin, type RequestContext } from '@tollgate/core'
import { realClock } from './abortable-sleep'
import { createLocalBreakerStore, type BreakerStore } from './breaker-store'
import { isAvailable } from './circuit-breaker'
import { createRouteTable, type NamedRouteConfig, type RouteEntry, type RouteTable } from './create-route-table'
import { createDeploymentStats } from './deployment-stats'
import { planEntry, planRoute, type PlanContext, type PlanStep } from './plan-route'
import { readEnvironmentRoutes } from './read-environment-routes'
import { createRedisBreakerStore } from './redis-breaker-store'
import { routesAdminRoute } from './routes-admin-route'
import { validateBreakerPolicy, validateRetryPolicy, validateRoutes } from './routing-config-schema'
import { DEFAULT_BREAKER_POLICY, DEFAULT_RETRY_POLICY, type RoutingOptions } from './routing-options'
import type { RoutingRecord } from './routing-record'
import { runWithFallbacks } from './run-with-fallbacks'

/**
 * Routing and resilience: public model names served by several deployments (strategies,
 * request preferences `provider` and `models`), retries with backoff, fallbacks, timeouts, a
 * deadline and circuit breakers (shared through Redis when configured). Every request gets the
 * same resilience, routed or not. `context.state.routing` records each attempt.
 */
export function routing(options: RoutingOptions = {}): GatewayPlugin {
  const configured = validateRoutes(options.routes ?? {}, 'routing({ routes })')
  const retry = { ...DEFAULT_RETRY_POLICY, ...validateRetryPolicy(options.retry ?? {}, 'routing({ retry })') }
  const breakerPolicy = { ...DEFAULT_BREAKER_POLICY, probeTimeoutMs: retry.timeoutMs, ...validateBreakerPolicy(options.breaker ?? {}, 'routing({ breaker })') }
  const clock = options.clock ?? realClock
  const random = options.random ?? Math.random
  const stats = createDeploymentStats(clock)
  const plans = new WeakMap<RequestContext, PlanStep[]>()
  let started: { table: RouteTable; breakers: BreakerStore } | undefined

  const state = () => {
    if (!started) throw new Error('The routing plugin was used before the gateway started')
    return { ...started, stats }
  }
  const planContext = (): PlanContext => {
    const { table, breakers } = state()
    return { table, view: stats, random, isAvailable: (id) => isAvailable(breakers.peek(id), clock.now()) }
  }
  /** A route another plugin chose: one deployment, with the same retries and breaker. */
  const singleStep = (context: RequestContext): PlanStep[] => {
    const route = context.route!
    const deployment = { id: `${route.provider.id}/${route.upstreamModel}`, route, baseURL: route.provider.baseURL, custom: false }
    const entry: RouteEntry = { name: context.model, source: 'catalog', strategy: 'priority', members: [{ deployment, weight: 1, priority: 0 }], retry }
    return [{ entry, member: entry.members[0] }]
  }

  return definePlugin({
    name: 'routing',
    start(services) {
      const environment = options.environment === false ? {} : readEnvironmentRoutes(services.env)
      const routes: NamedRouteConfig[] = [
        ...Object.entries(configured).filter(([name]) => !(name in environment)).map(([name, config]) => ({ name, config, source: 'config' as const })),
        ...Object.entries(environment).map(([name, config]) => ({ name, config, source: 'environment' as const })),
      ]
      const table = createRouteTable({ routes, providers: services.providers, catalog: services.catalog, env: services.env, retry })
      const breakers = services.redis
        ? createRedisBreakerStore({ redis: services.redis, policy: breakerPolicy, clock, logger: services.logger })
        : createLocalBreakerStore(breakerPolicy, clock)
      started = { table, breakers }
      const names = routes.map((route) => route.name)
      services.logger.info(`[tollgate] routing: ${names.length} route${names.length === 1 ? '' : 's'}${names.length ? ` (${names.join(', ')})` : ''}; circuit breakers ${services.redis ? 'shared in Redis' : 'in memory'}`)
    },
    hooks: {
      resolveRoute(context) {
        const steps = planRoute(context.model, context.preferences, planContext())
        plans.set(context, steps)
        context.state.routing = { model: context.model, attempts: [] } satisfies RoutingRecord
        return steps[0].member.deployment.route
      },
      wrapUpstream(context, next) {
        const { table, breakers } = state()
        const record = (context.state.routing ??= { model: context.model, attempts: [] }) as RoutingRecord
        return runWithFallbacks({
          context,
          next,
          steps: plans.get(context) ?? singleStep(context),
          record,
          breakers,
          stats,
          clock,
          random,
          contextSteps: (entry) => (entry.contextFallback ? planEntry(table.resolve(entry.contextFallback), context.preferences?.provider, planContext()) : undefined),
        })
      },
      onUsage(context, usage) {
        const served = (context.state.routing as RoutingRecord | undefined)?.served
        if (served) stats.tokens(served.deployment, usage.input.total + usage.output.total)
      },
    },
    routes: [routesAdminRoute(state)],
  })
}
