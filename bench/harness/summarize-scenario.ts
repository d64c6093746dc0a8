import type { ClosedLoopMeasurement } from './measure-closed-loop'
import type { LeakMeasurement, LeakPoint } from './measure-leak'
import type { OpenStreamsMeasurement } from './measure-open-streams'
import { median } from './median'
import type { Outcome, ScenarioResult } from './run-scenario'
import type { Variant } from './variants'

export const TARGET_STREAMS = 10_000

/** One variant's figures: medians over rounds; comparisons are medians of per-round values. */
export interface VariantSummary {
  id: string
  label: string
  baseline?: string
  /** Set when no round produced a measurement. */
  failed?: string
  /** The scenario did not run (`failed` says why): not a failure. */
  skipped?: boolean
  rounds: number
  failedRequests: number
  failureSample?: string
  // closed loop
  requestsPerSecond?: number
  p50Ms?: number
  p99Ms?: number
  firstByteP50Ms?: number
  firstByteP99Ms?: number
  serverCpuMsPerRequest?: number
  serverCores?: number
  clientCpuMsPerRequest?: number
  /** Cores other processes on the machine kept busy during the window (noise indicator). */
  backgroundCores?: number
  peakRssBytes?: number
  throughputRatio?: number
  /** Baseline CPU per request ÷ this variant's: throughput ratio when both are CPU-bound. */
  capacityRatio?: number
  p99Ratio?: number
  addedP50Ms?: number
  addedP99Ms?: number
  addedFirstByteP50Ms?: number
  // open streams
  openStreams?: number
  idleRssBytes?: number
  openRssBytes?: number
  bytesPerStream?: number
  /** RSS at 10,000 open streams: measured when that many were open, else idle + per-stream × 10,000. */
  rssAtTargetBytes?: number
  rssAtTargetExtrapolated?: boolean
  rssRatio?: number
  // leak check
  leakPoints?: LeakPoint[]
  rssBytesPerRequest?: number
  heapBytesPerRequest?: number
}

const measured = <M>(outcome: Outcome | undefined) => (outcome && 'measurement' in outcome ? (outcome.measurement as M) : undefined)

function perRound<M>(result: ScenarioResult, variant: Variant, read: (own: M, baseline: M) => number | undefined): number | undefined {
  if (!variant.baseline) return undefined
  return median(
    result.rounds.map((round) => {
      const own = measured<M>(round[variant.id])
      const baseline = measured<M>(round[variant.baseline!])
      return own && baseline ? read(own, baseline) : undefined
    }),
  )
}

function summarizeVariant(result: ScenarioResult, variant: Variant): VariantSummary {
  const outcomes = result.rounds.map((round) => round[variant.id])
  const summary: VariantSummary = { id: variant.id, label: variant.label, baseline: variant.baseline, rounds: outcomes.length, failedRequests: 0 }
  const failure = outcomes.find((outcome) => outcome && 'failed' in outcome) as { failed: string } | undefined
  const all = outcomes.map((outcome) => measured<ClosedLoopMeasurement & OpenStreamsMeasurement & LeakMeasurement>(outcome)).filter((value) => value !== undefined)
  if (all.length === 0) return { ...summary, failed: failure?.failed ?? 'not run' }
  for (const one of all) summary.failedRequests += one.failures.count
  summary.failureSample = all.flatMap((one) => one.failures.samples)[0] ?? (failure ? `a round failed: ${failure.failed}` : undefined)
  const kind = result.scenario.kind
  const answered = all.some((one) => (kind === 'closed-loop' ? one.completed > 0 : kind === 'open-streams' ? one.open > 0 : one.points.length > 2))
  if (!answered) return { ...summary, failed: `all ${summary.failedRequests} requests failed, e.g. ${summary.failureSample ?? 'no answer'}` }

  if (kind === 'closed-loop') {
    const runs = all as ClosedLoopMeasurement[]
    Object.assign(summary, {
      requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
      p50Ms: median(runs.map((run) => run.latency?.p50)),
      p99Ms: median(runs.map((run) => run.latency?.p99)),
      firstByteP50Ms: median(runs.map((run) => run.firstByte?.p50)),
      firstByteP99Ms: median(runs.map((run) => run.firstByte?.p99)),
      serverCpuMsPerRequest: median(runs.map((run) => run.serverCpuMsPerRequest)),
      serverCores: median(runs.map((run) => run.serverCores)),
      clientCpuMsPerRequest: median(runs.map((run) => run.clientCpuMsPerRequest)),
      backgroundCores: median(runs.map((run) => run.backgroundCores)),
      peakRssBytes: median(runs.map((run) => run.peakRssBytes)),
      throughputRatio: perRound<ClosedLoopMeasurement>(result, variant, (own, base) => own.requestsPerSecond / base.requestsPerSecond),
      capacityRatio: perRound<ClosedLoopMeasurement>(result, variant, (own, base) => base.serverCpuMsPerRequest / own.serverCpuMsPerRequest),
      p99Ratio: perRound<ClosedLoopMeasurement>(result, variant, (own, base) => (own.latency && base.latency ? own.latency.p99 / base.latency.p99 : undefined)),
      addedP50Ms: perRound<ClosedLoopMeasurement>(result, variant, (own, base) => (own.latency && base.latency ? own.latency.p50 - base.latency.p50 : undefined)),
      addedP99Ms: perRound<ClosedLoopMeasurement>(result, variant, (own, base) => (own.latency && base.latency ? own.latency.p99 - base.latency.p99 : undefined)),
      addedFirstByteP50Ms: perRound<ClosedLoopMeasurement>(result, variant, (own, base) => (own.firstByte && base.firstByte ? own.firstByte.p50 - base.firstByte.p50 : undefined)),
    })
  } else if (kind === 'open-streams') {
    const runs = all as OpenStreamsMeasurement[]
    const openStreams = median(runs.map((run) => run.open)) ?? 0
    const idleRssBytes = median(runs.map((run) => run.idleRssBytes)) ?? 0
    const openRssBytes = median(runs.map((run) => run.openRssBytes))
    const bytesPerStream = median(runs.map((run) => run.bytesPerStream)) ?? 0
    const extrapolated = openStreams < TARGET_STREAMS
    Object.assign(summary, {
      openStreams,
      idleRssBytes,
      openRssBytes,
      peakRssBytes: median(runs.map((run) => run.peakRssBytes)),
      bytesPerStream,
      rssAtTargetBytes: extrapolated ? idleRssBytes + bytesPerStream * TARGET_STREAMS : openRssBytes,
      rssAtTargetExtrapolated: extrapolated,
      rssRatio: perRound<OpenStreamsMeasurement>(result, variant, (own, base) => own.openRssBytes / base.openRssBytes),
    })
  } else {
    const run = all[0] as LeakMeasurement
    Object.assign(summary, { leakPoints: run.points, rssBytesPerRequest: run.rssBytesPerRequest, heapBytesPerRequest: run.heapBytesPerRequest })
  }
  return summary
}

export function summarizeScenario(result: ScenarioResult): VariantSummary[] {
  if (result.scenario.kind === 'pending') return []
  if (result.skipped) return result.scenario.variants.map((variant) => ({ id: variant.id, label: variant.label, baseline: variant.baseline, rounds: 0, failedRequests: 0, failed: result.skipped, skipped: true }))
  return result.scenario.variants.map((variant) => summarizeVariant(result, variant))
}
