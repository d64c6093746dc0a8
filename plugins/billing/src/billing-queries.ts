import { GatewayError, readPageQuery, usdToMicros, type PageRequest, type Principal, type Store, type UsageFilter } from '@tollgate/core'
import type { BalanceRule } from './billing-options'
import { renderBalance } from './render-billing'

/** A time from a query or an option: Unix seconds or an ISO 8601 date-time; a 400 naming `param` otherwise. */
export function readTime(value: string | undefined, param: string): Date | undefined {
  if (value === undefined || value === '') return undefined
  const date = /^\d+$/.test(value) ? new Date(Number(value) * 1000) : new Date(value)
  if (Number.isNaN(date.getTime())) throw new GatewayError({ status: 400, param, code: 'invalid_request', message: `'${param}' must be Unix seconds or an ISO 8601 date-time` })
  return date
}

/** The filters and page of a usage list query (`key_id`, `model`, `from`, `to`, `limit`, `after`, `before`). */
export function readUsageQuery(query: Record<string, string | undefined>): { filter: UsageFilter; page: PageRequest } {
  const filter: UsageFilter = {
    keyId: query.key_id || undefined,
    model: query.model || undefined,
    from: readTime(query.from, 'from'),
    to: readTime(query.to, 'to'),
  }
  return { filter, page: readPageQuery(query) }
}

/** The plan's general minimum balance (its first rule that names no models), micro-USD. */
export function planMinimumMicros(plans: Record<string, BalanceRule[]>, plan: string): number {
  const rule = (plans[plan] ?? plans['*'] ?? []).find((candidate) => !candidate.models)
  return usdToMicros(rule?.minimumBalance ?? 0)
}

/** An account's balance as the API shows it; with a principal, its key's spend too. */
export async function readBalance(store: Store, plans: Record<string, BalanceRule[]>, accountId: string, principal?: Principal) {
  const account = await store.accounts.get(accountId)
  if (!account) throw new GatewayError({ status: 404, code: 'account_not_found', message: `No account '${accountId}'` })
  const keySpend = principal ? await store.keySpend.get(principal.keyId) : undefined
  return renderBalance({
    accountId,
    plan: account.plan,
    figures: { balanceMicros: account.balanceMicros, reservedMicros: account.reservedMicros },
    minimumMicros: planMinimumMicros(plans, account.plan),
    principal,
    keySpend,
    accountLimits: { rpm: account.rpm, tpm: account.tpm, maxConcurrency: account.maxConcurrency },
  })
}

/** USD from the API → micro-USD; more than 6 decimals or out of range is a 400 naming `param`. */
export function readAmount(amount: number, param = 'amount'): number {
  try {
    const micros = usdToMicros(amount)
    if (Math.abs(micros / 1_000_000 - amount) > 1e-9) throw new RangeError('too precise')
    return micros
  } catch {
    throw new GatewayError({ status: 400, param, code: 'invalid_amount', message: `'${param}' must be a USD amount with at most 6 decimals` })
  }
}
