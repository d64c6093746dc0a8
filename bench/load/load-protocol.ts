import type { LoadRequest } from './load-request'
import type { LatencySummary } from './summarize-latencies'

/** N connections, each sending its next request as soon as the last one finished. */
export interface ClosedLoopConfig {
  mode: 'closed-loop'
  port: number
  /** Sent round-robin. */
  requests: LoadRequest[]
  /** Sent round-robin during warm-up instead of `requests`. */
  warmupRequests?: LoadRequest[]
  connections: number
  /** Requests completed during warm-up are not measured. */
  warmupMs: number
  /** The measured window ends after this long… */
  durationMs: number
  /** …or after this many measured requests, whichever comes first. */
  requestCount?: number
}

/** Open N streams at once, hold them open, then drop them all. */
export interface OpenStreamsConfig {
  mode: 'open-streams'
  port: number
  request: LoadRequest
  streams: number
  holdMs: number
  /** Give up waiting for all streams to open after this long. */
  openTimeoutMs: number
}

export type LoadConfig = ClosedLoopConfig | OpenStreamsConfig

export interface FailureSummary {
  count: number
  /** A few distinct failure messages, for the report. */
  samples: string[]
}

export interface ClosedLoopResult {
  mode: 'closed-loop'
  measuredMs: number
  completed: number
  requestsPerSecond: number
  failures: FailureSummary
  /** CPU time the load generator itself used during the window (to spot a client-bound run). */
  clientCpuMs: number
  latency?: LatencySummary
  /** Time to first body byte, for streams. */
  firstByte?: LatencySummary
}

export interface OpenStreamsResult {
  mode: 'open-streams'
  requested: number
  /** Most streams open at the same time (first byte received, not yet finished). */
  peakOpen: number
  openingMs: number
  /** Streams that ended before the hold was over (the upstream stream was too short). */
  endedEarly: number
  failures: FailureSummary
  firstByte?: LatencySummary
}

/** One JSON object per stdout line, from the load generator process to the orchestrator. */
export type LoadEvent =
  | { event: 'measure-start' }
  | { event: 'measure-end' }
  | { event: 'streams-open'; open: number }
  | { event: 'hold-end' }
  | { event: 'result'; result: ClosedLoopResult | OpenStreamsResult }
