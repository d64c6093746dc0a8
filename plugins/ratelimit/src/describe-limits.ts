import { GatewayError, type AccountRecord, type ApiKeyRecord, type Principal, type PrincipalLimits, type Store } from '@tollgate/core'
import type { BucketState } from './rate-limit-store'
import type { PlanLimits } from './ratelimit-options'
import { planFor, resolveLimitChecks, type LimitCheck } from './resolve-limit-checks'

export interface LimitTarget {
  principal: Principal
  account: AccountRecord
  key?: ApiKeyRecord
}

const storedLimits = (record: { rpm: number | null; tpm: number | null; maxConcurrency: number | null }): PrincipalLimits => ({
  rpm: record.rpm ?? undefined,
  tpm: record.tpm ?? undefined,
  maxConcurrency: record.maxConcurrency ?? undefined,
})

/**
 * A key (or an account alone) as the authenticate hook would present it. Refuses both or
 * neither; `names` are how the caller calls them (`--key`, or `key_id`).
 */
export async function loadLimitTarget(store: Store, ids: { keyId?: string; accountId?: string; names: { key: string; account: string } }): Promise<LimitTarget> {
  const { keyId, accountId, names } = ids
  const params = { key: names.key.replace(/^-+/, ''), account: names.account.replace(/^-+/, '') }
  if (!keyId === !accountId) throw new GatewayError({ status: 400, param: keyId ? params.account : params.key, code: 'invalid_request', message: `Give either ${names.key} or ${names.account}` })
  const key = keyId ? await store.apiKeys.get(keyId) : undefined
  if (keyId && !key) throw new GatewayError({ status: 404, param: params.key, code: 'key_not_found', message: `No key '${keyId}'` })
  const id = key?.accountId ?? accountId!
  const account = await store.accounts.get(id)
  if (!account) throw new GatewayError({ status: 404, param: params.account, code: 'account_not_found', message: `No account '${id}'` })
  const principal: Principal = { keyId: key?.id ?? '', accountId: account.id, scopes: [], plan: account.plan, keyLimits: key ? storedLimits(key) : undefined, accountLimits: storedLimits(account) }
  return { principal, account, key }
}

/** Every limit of the target (a key: its own, its account's, each model pattern; an account: its own). */
export function targetChecks(target: LimitTarget, plans: Record<string, PlanLimits>): LimitCheck[] {
  const checks = resolveLimitChecks({ principal: target.principal, plans, modelNames: [], estimatedTokens: 0, allModels: true })
  return target.key ? checks : checks.filter((check) => check.scope === 'account')
}

/** The JSON of `limits show --json` and `GET /admin/rate-limits`. */
export function describeLimits(target: LimitTarget, plans: Record<string, PlanLimits>, checks: LimitCheck[], counters?: { store: string; states: BucketState[] }) {
  return {
    object: 'rate_limits' as const,
    key_id: target.key?.id ?? null,
    account_id: target.account.id,
    plan: target.account.plan,
    plan_applied: planFor(plans, target.account.plan)?.name ?? null,
    counters: counters?.store ?? null,
    limits: checks.map((check, index) => ({
      scope: check.scope,
      dimension: check.dimension,
      pattern: check.pattern ?? null,
      limit: check.limit,
      source: check.source,
      remaining: counters?.states[index].remaining ?? null,
      reset_ms: counters?.states[index].resetMs ?? null,
    })),
  }
}

