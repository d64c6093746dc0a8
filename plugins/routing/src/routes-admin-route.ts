import { Type, type PluginRoute } from '@tollgate/core'
import type { BreakerStore } from './breaker-store'
import type { RouteTable } from './create-route-table'
import type { DeploymentStats } from './deployment-stats'
import { STRATEGIES } from './routing-options'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

const DeploymentHealthSchema = Type.Object({
  breaker: Type.Object({
    state: Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half-open')]),
    consecutiveFailures: Type.Integer(),
    retryAt: Nullable(Type.String({ format: 'date-time', description: 'Open: when a probe may go' })),
  }),
  inFlight: Type.Integer({ description: 'Attempts in flight on this instance' }),
  latencyMs: Nullable(Type.Number({ description: 'Moving average of the time to the first event (streams) or the whole answer' })),
  requestsLastMinute: Type.Integer(),
  tokensLastMinute: Type.Integer(),
  recentFailures: Type.Array(Type.Object({ at: Type.String({ format: 'date-time' }), status: Type.Integer(), code: Nullable(Type.String()), message: Type.String() })),
})

export const RouteViewSchema = Type.Object({
  name: Type.String({ description: 'Public model name' }),
  source: Type.Union([Type.Literal('config'), Type.Literal('environment'), Type.Literal('catalog')]),
  strategy: Type.Union(STRATEGIES.map((strategy) => Type.Literal(strategy))),
  contextFallback: Nullable(Type.String()),
  deployments: Type.Array(
    Type.Object({
      id: Type.String(),
      provider: Type.String(),
      model: Type.String({ description: 'Upstream model id' }),
      baseURL: Type.String({ description: 'Without credentials or query' }),
      customCredentials: Type.Boolean({ description: "Uses its own key or base URL rather than the provider's" }),
      weight: Type.Number(),
      priority: Type.Number(),
      limits: Nullable(Type.Object({ rpm: Type.Optional(Type.Integer()), tpm: Type.Optional(Type.Integer()) })),
      price: Nullable(Type.Object({ input: Type.Number(), output: Type.Number() })),
      contextWindow: Nullable(Type.Integer()),
      health: DeploymentHealthSchema,
    }),
  ),
})

export const RouteListSchema = Type.Object({ object: Type.Literal('list'), data: Type.Array(RouteViewSchema) })

const iso = (time: number) => new Date(time).toISOString()

/** `GET /admin/routes`: every route, its deployments and their health (breaker, load, latency, recent failures). */
export function routesAdminRoute(state: () => { table: RouteTable; breakers: BreakerStore; stats: DeploymentStats }): PluginRoute {
  return {
    method: 'GET',
    path: '/admin/routes',
    schema: {
      response: RouteListSchema,
      detail: {
        summary: 'List routes, their deployments and health',
        description: 'Configured routes, then the catalogue models served so far. Breaker state is shared across instances when Redis is configured; load and latency are this instance’s.',
        tags: ['Admin'],
        security: [{ bearer: [] }, { apiKey: [] }],
        responses: {
          200: { description: 'The routes', content: { 'application/json': { schema: RouteListSchema } } },
          401: { description: 'Missing or invalid key' },
          403: { description: 'The key lacks the admin scope' },
        },
      },
    },
    async handler() {
      const { table, breakers, stats } = state()
      const data = await Promise.all(
        table.list().map(async (entry) => ({
          name: entry.name,
          source: entry.source,
          strategy: entry.strategy,
          contextFallback: entry.contextFallback ?? null,
          deployments: await Promise.all(
            entry.members.map(async ({ deployment, weight, priority }) => {
              const breaker = await breakers.read(deployment.id)
              const health = stats.health(deployment.id)
              return {
                id: deployment.id,
                provider: deployment.route.provider.id,
                model: deployment.route.upstreamModel,
                baseURL: deployment.baseURL,
                customCredentials: deployment.custom,
                weight,
                priority,
                limits: deployment.limits ?? null,
                price: deployment.price ?? null,
                contextWindow: deployment.route.model?.contextWindow ?? null,
                health: {
                  ...health,
                  breaker: { state: breaker.state, consecutiveFailures: breaker.failures, retryAt: breaker.state === 'closed' ? null : iso(breaker.state === 'open' ? breaker.retryAt : breaker.probeUntil) },
                  recentFailures: health.recentFailures.map((failure) => ({ ...failure, at: iso(failure.at) })),
                },
              }
            }),
          ),
        })),
      )
      return { object: 'list' as const, data }
    },
  }
}
