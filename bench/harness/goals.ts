import type { VariantSummary } from './summarize-scenario'

export interface GoalResult {
  goal: string
  target: string
  measured: string
  /** undefined: not measured in this run. */
  met: boolean | undefined
}

type Summaries = Map<string, VariantSummary[]>

/**
 * Largest growth per request after warm-up that still counts as "no trend": RSS 10 MB per 100k
 * requests (allocator noise is a few MB), JS heap after a full GC 1 MB per 100k (it is precise).
 * A leaked request context is kilobytes per request, far above both.
 */
export const LEAK_RSS_BYTES_PER_REQUEST = 100
export const LEAK_HEAP_BYTES_PER_REQUEST = 10
/** "Cost does not grow with the number of keys": within the round-to-round noise of this machine (a few %). */
const KEY_COUNT_TOLERANCE = 0.9
/** Fewer requests than this cannot show a trend through the noise (--quick). */
const LEAK_MIN_REQUESTS = 20_000

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`
const ms = (value: number) => `${value >= 0 ? '+' : ''}${(value * 1000).toFixed(0)} µs`
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`

/** The minimal proxy's own figure beside Tollgate's: how much of the budget one hop takes. */
function proxyFigure(scenario: VariantSummary[], field: 'addedP50Ms' | 'addedFirstByteP50Ms'): string {
  const value = scenario.find((variant) => variant.id === 'proxy')?.[field]
  return value === undefined ? '' : ` (minimal proxy: ${ms(value)})`
}

interface GoalDefinition {
  goal: string
  target: string
  scenario: string
  variant: string
  /** Measured text and verdict from the variant's summary (undefined when the figure is missing). */
  judge(summary: VariantSummary, scenario: VariantSummary[]): { measured: string; met: boolean | undefined } | undefined
}

/** Throughput goals count the lower of the req/s ratio and the CPU-capacity ratio (see the report's notes). */
function throughputAtLeast(threshold: number) {
  return (summary: VariantSummary) => {
    if (summary.throughputRatio === undefined || summary.capacityRatio === undefined) return undefined
    return {
      measured: `${percent(summary.throughputRatio)} req/s, ${percent(summary.capacityRatio)} by CPU`,
      met: Math.min(summary.throughputRatio, summary.capacityRatio) >= threshold,
    }
  }
}

const definitions: GoalDefinition[] = [
  { goal: 'Tollgate full pipeline, non-stream throughput vs minimal proxy', target: '≥ 75%', scenario: 'non-stream', variant: 'tollgate', judge: throughputAtLeast(0.75) },
  {
    goal: 'Added p50 latency at one connection (vs direct)',
    target: '≤ 100 µs',
    scenario: 'one-connection',
    variant: 'tollgate',
    judge: (summary, scenario) =>
      summary.addedP50Ms === undefined ? undefined : { measured: `${ms(summary.addedP50Ms)}${proxyFigure(scenario, 'addedP50Ms')}`, met: summary.addedP50Ms <= 0.1 },
  },
  {
    goal: 'Added time to first token at one connection (vs direct)',
    target: '≤ 200 µs',
    scenario: 'one-connection-stream',
    variant: 'tollgate',
    judge: (summary, scenario) =>
      summary.addedFirstByteP50Ms === undefined
        ? undefined
        : { measured: `${ms(summary.addedFirstByteP50Ms)}${proxyFigure(scenario, 'addedFirstByteP50Ms')}`, met: summary.addedFirstByteP50Ms <= 0.2 },
  },
  { goal: 'Tollgate full pipeline, stream throughput vs minimal proxy', target: '≥ 75%', scenario: 'stream', variant: 'tollgate', judge: throughputAtLeast(0.75) },
  { goal: 'Cross-dialect stream throughput vs minimal proxy', target: '≥ 60%', scenario: 'stream', variant: 'tollgate-cross', judge: throughputAtLeast(0.6) },
  {
    goal: '20 ms upstream, 50 connections: throughput and p99 vs direct',
    target: 'within 3%',
    scenario: 'slow-upstream',
    variant: 'tollgate',
    judge: (summary) =>
      summary.throughputRatio === undefined || summary.p99Ratio === undefined
        ? undefined
        : { measured: `${percent(summary.throughputRatio)} req/s, p99 ${percent(summary.p99Ratio)}`, met: summary.throughputRatio >= 0.97 && summary.p99Ratio <= 1.03 },
  },
  {
    goal: 'Auth cost with 100,000 keys vs 10 keys in the store (same key, non-stream)',
    target: 'does not grow: ≥ 90% req/s and by CPU',
    scenario: 'auth-keys',
    variant: 'tollgate-100k',
    judge: (summary) =>
      summary.throughputRatio === undefined || summary.capacityRatio === undefined
        ? undefined
        : {
            measured: `${percent(summary.throughputRatio)} req/s, ${percent(summary.capacityRatio)} by CPU, p50 ${summary.addedP50Ms === undefined ? '–' : ms(summary.addedP50Ms)}`,
            met: Math.min(summary.throughputRatio, summary.capacityRatio) >= KEY_COUNT_TOLERANCE,
          },
  },
  { goal: 'Full pipeline on PostgreSQL + Redis, non-stream vs minimal proxy', target: '≥ 75%', scenario: 'postgres-redis', variant: 'tollgate-pg', judge: throughputAtLeast(0.75) },
  { goal: 'Full pipeline on PostgreSQL + Redis, stream vs minimal proxy', target: '≥ 75%', scenario: 'postgres-redis-stream', variant: 'tollgate-pg', judge: throughputAtLeast(0.75) },
  {
    goal: 'RSS with 10,000 open streams',
    target: '≤ 500 MB',
    scenario: 'open-streams',
    variant: 'tollgate',
    judge: (summary) =>
      summary.rssAtTargetBytes === undefined
        ? undefined
        : {
            measured: `${megabytes(summary.rssAtTargetBytes)}${summary.rssAtTargetExtrapolated ? ` (extrapolated from ${summary.openStreams} streams)` : ''}`,
            met: summary.rssAtTargetBytes <= 500e6,
          },
  },
  {
    goal: 'No RSS growth trend after warm-up',
    target: `RSS ≤ ${LEAK_RSS_BYTES_PER_REQUEST} B/request, heap ≤ ${LEAK_HEAP_BYTES_PER_REQUEST} B/request`,
    scenario: 'leak',
    variant: 'tollgate',
    judge: (summary) => {
      if (summary.rssBytesPerRequest === undefined || summary.heapBytesPerRequest === undefined) return undefined
      const measured = `RSS ${summary.rssBytesPerRequest.toFixed(1)} B/request, heap ${summary.heapBytesPerRequest.toFixed(1)} B/request`
      const requests = summary.leakPoints?.at(-1)?.requests ?? 0
      if (requests < LEAK_MIN_REQUESTS) return { measured: `${measured} (${requests} requests: too few to judge)`, met: undefined }
      return { measured, met: summary.rssBytesPerRequest <= LEAK_RSS_BYTES_PER_REQUEST && summary.heapBytesPerRequest <= LEAK_HEAP_BYTES_PER_REQUEST }
    },
  },
]

/** Judge every target of issue 8 against this run's summaries. Failed requests fail the goal. */
export function evaluateGoals(summaries: Summaries): GoalResult[] {
  return definitions.map((definition) => {
    const base = { goal: definition.goal, target: definition.target }
    const scenario = summaries.get(definition.scenario) ?? []
    const summary = scenario.find((variant) => variant.id === definition.variant)
    if (!summary) return { ...base, measured: 'not run', met: undefined }
    if (summary.skipped) return { ...base, measured: `skipped: ${summary.failed}`, met: undefined }
    if (summary.failed) return { ...base, measured: `failed: ${summary.failed.split('\n')[0].slice(0, 120)}`, met: false }
    const verdict = definition.judge(summary, scenario)
    if (!verdict) return { ...base, measured: 'no figure', met: false }
    if (summary.failedRequests > 0) return { ...base, measured: `${verdict.measured}; ${summary.failedRequests} failed requests`, met: false }
    return { ...base, ...verdict }
  })
}
