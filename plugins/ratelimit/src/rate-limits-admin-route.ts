import { ErrorEnvelopeSchema, Type, type PluginRoute, type Store } from '@tollgate/core'
import { describeLimits, loadLimitTarget, targetChecks } from './describe-limits'
import type { PlanLimits } from './ratelimit-options'
import type { Limiter } from './resilient-rate-limit-store'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

export const RateLimitsSchema = Type.Object(
  {
    object: Type.Literal('rate_limits'),
    key_id: Nullable(Type.String()),
    account_id: Type.String(),
    plan: Type.String({ description: "The account's plan" }),
    plan_applied: Nullable(Type.String({ description: 'The configured plan whose defaults apply (`default` when the account’s plan is not configured)' })),
    counters: Nullable(Type.String({ description: 'Where the live figures come from: `redis` or `memory` (this instance)' })),
    limits: Type.Array(
      Type.Object({
        scope: Type.Union([Type.Literal('key'), Type.Literal('account'), Type.Literal('model')]),
        dimension: Type.Union([Type.Literal('requests'), Type.Literal('tokens'), Type.Literal('concurrency')]),
        pattern: Nullable(Type.String({ description: 'The model pattern of a `model` scope' })),
        limit: Type.Integer({ description: 'Per minute (requests, tokens), or at once (concurrency)' }),
        source: Type.String({ description: '`key`, `account` (stored overrides) or `plan <name>`' }),
        remaining: Nullable(Type.Integer()),
        reset_ms: Nullable(Type.Integer({ description: 'Milliseconds until the bucket is full again' })),
      }),
    ),
  },
  { description: "A key's or an account's effective rate limits and their live counters" },
)

const json = (schema: unknown) => ({ 'application/json': { schema } })

/** `GET /admin/rate-limits?key_id=|account_id=`: effective limits, where each comes from, and the live counters. */
export function rateLimitsAdminRoute(state: () => { limiter: Limiter; plans: Record<string, PlanLimits>; store(): Promise<Store> }): PluginRoute {
  return {
    method: 'GET',
    path: '/admin/rate-limits',
    schema: {
      query: Type.Object({
        key_id: Type.Optional(Type.String({ description: 'A key: its own limits, its account’s and its per-model ones' })),
        account_id: Type.Optional(Type.String({ description: 'An account: its account-wide limits' })),
      }),
      detail: {
        summary: "A key's or an account's effective rate limits, with the live counters (Redis, or this instance's memory)",
        tags: ['Admin'],
        security: [{ bearer: [] }, { apiKey: [] }, { googApiKey: [] }, { queryKey: [] }, { basic: [] }],
        responses: {
          200: { description: RateLimitsSchema.description, content: json(RateLimitsSchema) },
          400: { description: 'Neither or both of key_id and account_id', content: json(ErrorEnvelopeSchema) },
          401: { description: 'Missing or invalid API key', content: json(ErrorEnvelopeSchema) },
          403: { description: 'The key lacks the admin scope', content: json(ErrorEnvelopeSchema) },
          404: { description: 'No such key or account', content: json(ErrorEnvelopeSchema) },
        },
      },
    },
    async handler({ query }) {
      const { limiter, plans, store } = state()
      const target = await loadLimitTarget(await store(), { keyId: query.key_id || undefined, accountId: query.account_id || undefined, names: { key: 'key_id', account: 'account_id' } })
      const checks = targetChecks(target, plans)
      return describeLimits(target, plans, checks, checks.length > 0 ? await limiter.peek(checks) : undefined)
    },
  }
}
