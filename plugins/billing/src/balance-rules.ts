import { matchesAny, usdToMicros } from '@tollgate/core'
import type { BalanceRule } from './billing-options'

/** What an account must have available for a request, in micro-USD. */
export interface BalanceRequirement {
  /** `balance − reserved` must be at least this much before the request's hold is taken. */
  thresholdMicros: number
  /** The plan's minimum (for messages). */
  minimumMicros: number
}

/**
 * The balance rule for a request: the first rule of the account's plan (or of `*`) whose
 * `models` match the model asked for or the `provider/model` serving it. The account must have
 * the request's reservation plus the rule's minimum available, and with `requirePositiveBalance`
 * more than nothing even when the request is free.
 */
export function balanceRequirement(plans: Record<string, BalanceRule[]>, plan: string | undefined, modelNames: string[], amountMicros: number): BalanceRequirement {
  const rules = plans[plan ?? 'default'] ?? plans['*'] ?? []
  const rule = rules.find((candidate) => !candidate.models || matchesAny(candidate.models, modelNames))
  const minimumMicros = usdToMicros(rule?.minimumBalance ?? 0)
  const thresholdMicros = Math.max(amountMicros + minimumMicros, rule?.requirePositiveBalance ? 1 : 0)
  return { thresholdMicros, minimumMicros }
}
