import { matchesAny, type Principal } from '@tollgate/core'
import type { LimitValues, PlanLimits } from './ratelimit-options'
import type { BucketCheck } from './rate-limit-store'

export type Dimension = 'requests' | 'tokens' | 'concurrency'
export type LimitScope = 'key' | 'account' | 'model'

/** One limit that applies to a request: a bucket, and what it means. */
export interface LimitCheck extends BucketCheck {
  scope: LimitScope
  dimension: Dimension
  /** Where the limit comes from: `key`, `account` (stored overrides) or `plan <name>`. */
  source: string
  /** The model pattern of a `model` scope. */
  pattern?: string
}

const DIMENSIONS: Array<[keyof LimitValues, Dimension]> = [
  ['rpm', 'requests'],
  ['tpm', 'tokens'],
  ['maxConcurrency', 'concurrency'],
]

export interface ResolveInput {
  principal: Principal
  plans: Record<string, PlanLimits>
  /** The names the requested model is known by (as asked, `provider/model`, bare id). */
  modelNames: string[]
  /** Input tokens estimated at admission: the cost taken from token buckets. */
  estimatedTokens: number
  /** Every `perModel` pattern of the plan, whatever the model (for showing a key's limits). */
  allModels?: boolean
}

/** The plan an account is on; a plan not configured falls back to `default`. */
export function planFor(plans: Record<string, PlanLimits>, name: string | undefined): { name: string; limits: PlanLimits } | undefined {
  if (name === undefined) return undefined
  if (plans[name]) return { name, limits: plans[name] }
  return plans.default ? { name: 'default', limits: plans.default } : undefined
}

/**
 * The limits that apply to one request: per account (its own fields, else its plan's), per key
 * (its own fields, else the plan's `perKey`) and per key and model (the plan's `perModel`
 * patterns that match). A principal without a plan or limits (the master key) has none.
 */
export function resolveLimitChecks(input: ResolveInput): LimitCheck[] {
  const { principal } = input
  const plan = planFor(input.plans, principal.plan)
  const checks: LimitCheck[] = []
  const add = (scope: LimitScope, idBase: string, own: LimitValues | undefined, ownSource: string, fallback: LimitValues | undefined, pattern?: string) => {
    for (const [field, dimension] of DIMENSIONS) {
      const limit = own?.[field] ?? fallback?.[field]
      if (limit === undefined || !(limit > 0)) continue
      const cost = dimension === 'tokens' ? Math.min(Math.max(0, Math.ceil(input.estimatedTokens)), limit) : 1
      const source = own?.[field] !== undefined ? ownSource : `plan ${plan!.name}`
      checks.push({ kind: dimension === 'concurrency' ? 'concurrency' : 'rate', id: `${idBase}:${dimension}`, limit, cost, scope, dimension, source, pattern })
    }
  }
  add('key', `key:${principal.keyId}`, principal.keyLimits, 'key', plan?.limits.perKey)
  if (principal.accountId) add('account', `account:${principal.accountId}`, principal.accountLimits, 'account', plan?.limits)
  for (const [pattern, limits] of Object.entries(plan?.limits.perModel ?? {})) {
    if (input.allModels || matchesAny([pattern], input.modelNames)) add('model', `key:${principal.keyId}:model:${pattern}`, undefined, 'plan', limits, pattern)
  }
  return checks
}
