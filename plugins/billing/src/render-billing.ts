import { microsToUsd, type BalanceFigures, type KeySpendRecord, type LedgerEntryRecord, type Principal, type UsageRecord } from '@tollgate/core'
import type { PriceVersion } from './price-catalog'

const seconds = (date: Date) => Math.floor(date.getTime() / 1000)
const usdOrNull = (micros: number | undefined | null) => (micros === undefined || micros === null ? null : microsToUsd(micros))

export interface BalanceView {
  accountId: string
  plan: string
  figures: BalanceFigures
  minimumMicros: number
  /** The calling key's limits (`GET /v1/balance`); absent for the admin view of an account. */
  principal?: Principal
  keySpend?: KeySpendRecord
  /** The account's own limits, for the admin view. */
  accountLimits?: { rpm: number | null; tpm: number | null; maxConcurrency: number | null }
}

export function renderBalance(view: BalanceView) {
  const { figures, principal, keySpend } = view
  const limit = principal?.keyLimits?.spendLimitMicros
  const spent = keySpend?.spentMicros ?? 0
  const held = keySpend?.reservedMicros ?? 0
  const pick = (name: 'rpm' | 'tpm' | 'maxConcurrency') => principal?.keyLimits?.[name] ?? principal?.accountLimits?.[name] ?? view.accountLimits?.[name] ?? null
  return {
    object: 'balance' as const,
    account_id: view.accountId,
    balance: microsToUsd(figures.balanceMicros),
    reserved: microsToUsd(figures.reservedMicros),
    available: microsToUsd(figures.balanceMicros - figures.reservedMicros),
    currency: 'USD' as const,
    plan: view.plan,
    limits: {
      minimum_balance: microsToUsd(view.minimumMicros),
      spend_limit: usdOrNull(limit),
      key_spent: principal ? microsToUsd(spent) : null,
      key_reserved: principal ? microsToUsd(held) : null,
      key_available: limit === undefined ? null : microsToUsd(Math.max(0, limit - spent - held)),
      rpm: pick('rpm'),
      tpm: pick('tpm'),
      max_concurrency: pick('maxConcurrency'),
    },
  }
}

export function renderLedgerEntry(entry: LedgerEntryRecord) {
  return {
    id: entry.id,
    object: 'ledger_entry' as const,
    account_id: entry.accountId,
    type: entry.type,
    amount: microsToUsd(entry.amountMicros),
    reserved: microsToUsd(entry.reservedMicros),
    balance_after: microsToUsd(entry.balanceAfterMicros),
    reserved_after: microsToUsd(entry.reservedAfterMicros),
    request_id: entry.requestId,
    key_id: entry.keyId,
    price_version: entry.priceVersion,
    note: entry.note,
    created_by: entry.createdBy,
    created_at: seconds(entry.createdAt),
  }
}

export function renderUsageRecord(record: UsageRecord) {
  return {
    id: record.id,
    object: 'usage_record' as const,
    created_at: seconds(record.createdAt),
    account_id: record.accountId,
    key_id: record.keyId,
    project_id: record.projectId,
    dialect: record.dialect,
    model: record.model,
    served_model: record.servedModel,
    provider: record.provider,
    tokens: {
      input: record.inputTokens,
      input_no_cache: record.inputNoCacheTokens,
      input_cache_read: record.inputCacheReadTokens,
      input_cache_write: record.inputCacheWriteTokens,
      output: record.outputTokens,
      output_text: record.outputTextTokens,
      output_reasoning: record.outputReasoningTokens,
    },
    estimated: record.estimated,
    cost: microsToUsd(record.costMicros),
    charged: microsToUsd(record.chargedMicros),
    price_version: record.priceVersion,
    latency_ms: record.latencyMs,
    time_to_first_token_ms: record.timeToFirstTokenMs,
    status: record.status,
    outcome: record.outcome,
    error_code: record.errorCode,
    streamed: record.streamed,
    attempts: record.attempts,
  }
}

function renderRates(rates: PriceVersion['rates']) {
  return {
    input: microsToUsd(rates.input),
    cached_input: microsToUsd(rates.cachedInput),
    cache_write: microsToUsd(rates.cacheWrite),
    output: microsToUsd(rates.output),
    reasoning: microsToUsd(rates.reasoning),
    request: microsToUsd(rates.request),
  }
}

/** A price version in USD per million tokens (and per request). */
export function renderPrice(version: PriceVersion) {
  return {
    object: 'price' as const,
    model: version.model,
    version: version.id,
    effective_from: new Date(version.effectiveFrom).toISOString().slice(0, 10),
    currency: 'USD' as const,
    ...renderRates(version.rates),
    long_context: version.longContext ? { above: version.longContext.above, ...renderRates(version.longContext.rates) } : null,
  }
}
