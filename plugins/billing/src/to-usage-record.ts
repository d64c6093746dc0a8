import type { FinishInfo, RequestContext, UsageRecord } from '@tollgate/core'

/** What billing knows of a finished request: its price and what was charged. */
export interface Billed {
  costMicros: number
  chargedMicros: number
  priceVersion: string | null
}

/** A finished request as its usage record: who, which models, the token breakdown, its cost, how it went. */
export function toUsageRecord(context: RequestContext, info: FinishInfo, billed: Billed, now = Date.now()): UsageRecord {
  const usage = info.usage
  const route = context.route
  const principal = context.principal
  return {
    id: context.id,
    accountId: principal?.accountId ?? null,
    keyId: principal?.keyId ?? null,
    projectId: principal?.projectId ?? null,
    dialect: context.dialect,
    model: context.model,
    servedModel: route ? `${route.provider.id}/${route.upstreamModel}` : null,
    provider: route?.provider.id ?? null,
    inputTokens: usage?.input.total ?? 0,
    inputNoCacheTokens: usage?.input.noCache ?? 0,
    inputCacheReadTokens: usage?.input.cacheRead ?? 0,
    inputCacheWriteTokens: usage?.input.cacheWrite ?? 0,
    outputTokens: usage?.output.total ?? 0,
    outputTextTokens: usage?.output.text ?? 0,
    outputReasoningTokens: usage?.output.reasoning ?? 0,
    estimated: context.state.usageEstimated === true,
    costMicros: billed.costMicros,
    chargedMicros: billed.chargedMicros,
    priceVersion: billed.priceVersion,
    latencyMs: Math.max(0, now - context.startedAt),
    timeToFirstTokenMs: context.firstByteAt === undefined ? null : Math.max(0, context.firstByteAt - context.startedAt),
    status: info.status,
    outcome: info.outcome,
    errorCode: info.error?.code ?? (info.outcome === 'error' ? info.error?.type ?? null : null),
    streamed: context.stream,
    attempts: context.attempts,
    createdAt: new Date(context.startedAt),
  }
}
