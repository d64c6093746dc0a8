import { buildClientRequest } from '../load/build-client-request'
import type { FailureSummary } from '../load/load-protocol'
import type { LatencySummary } from '../load/summarize-latencies'
import type { LoadRequest } from '../load/load-request'
import type { BenchServer } from './bench-servers'
import { resetPeakRss, sampleMachineBusyMs, sampleProcess } from './process-stats'
import { runLoadGenerator } from './run-load-generator'
import type { Variant } from './variants'

/** One run of one variant: what the client saw and what the server under test spent. */
export interface ClosedLoopMeasurement {
  requestsPerSecond: number
  completed: number
  latency?: LatencySummary
  firstByte?: LatencySummary
  /** CPU time (all threads) of the server under test per completed request. */
  serverCpuMsPerRequest: number
  /** Cores the server under test kept busy during the window (1.0 = one full core). */
  serverCores: number
  clientCpuMsPerRequest: number
  /** Cores kept busy by processes outside the bench (other work on the machine) during the window. */
  backgroundCores: number
  peakRssBytes: number
  failures: FailureSummary
}

export interface ClosedLoopRun {
  /** The other bench servers (their CPU is not background load). */
  otherPids: number[]
  connections: number
  warmupMs: number
  durationMs: number
  /** Round number (0-based): picks the slice of keys a spreading variant uses. */
  round?: number
}

/**
 * The serialised requests of one run: the variant's shapes with the server's measured key, or
 * spread over a fresh slice of its seeded keys (warm-up then runs on the measured key, so every
 * spread key is first seen, a key-cache miss, inside the measured window).
 */
export function requestsFor(server: BenchServer, variant: Variant, round: number): { requests: LoadRequest[]; warmupRequests?: LoadRequest[] } {
  const withKey = (apiKey: string) => variant.requests.map((shape) => buildClientRequest(server.port, { ...shape, apiKey }))
  const measured = withKey(server.apiKey)
  if (!variant.spreadKeys) return { requests: measured }
  const count = variant.spreadKeys
  if (server.spreadKeys.length < count) throw new Error(`${variant.label}: needs ${count} seeded keys, the server has ${server.spreadKeys.length}`)
  const start = (round * count) % (server.spreadKeys.length - count + 1)
  return { requests: server.spreadKeys.slice(start, start + count).flatMap(withKey), warmupRequests: measured }
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

/**
 * Run the load generator against one server and read the server's CPU time exactly at the
 * edges of the measured window (the load generator announces them), and its peak RSS.
 */
export async function measureClosedLoop(server: BenchServer, variant: Variant, run: ClosedLoopRun): Promise<ClosedLoopMeasurement> {
  const { requests, warmupRequests } = requestsFor(server, variant, run.round ?? 0)
  resetPeakRss(server.pid)
  const snapshot = () => ({ server: sampleProcess(server.pid), othersCpuMs: sum(run.otherPids.map((pid) => sampleProcess(pid).cpuMs)), machineBusyMs: sampleMachineBusyMs() })
  let start: ReturnType<typeof snapshot> | undefined
  let end: ReturnType<typeof snapshot> | undefined
  const { otherPids, round, ...load } = run
  const result = await runLoadGenerator({ mode: 'closed-loop', port: server.port, requests, warmupRequests, ...load }, (event) => {
    if (event.event === 'measure-start') start = snapshot()
    else if (event.event === 'measure-end') end = snapshot()
  })
  const after = sampleProcess(server.pid)
  const cpuMs = start && end ? end.server.cpuMs - start.server.cpuMs : 0
  const benchMs = start && end ? cpuMs + end.othersCpuMs - start.othersCpuMs + result.clientCpuMs : 0
  const backgroundMs = start && end ? Math.max(0, end.machineBusyMs - start.machineBusyMs - benchMs) : 0
  const perRequest = (total: number) => (result.completed > 0 ? total / result.completed : 0)
  return {
    requestsPerSecond: result.requestsPerSecond,
    completed: result.completed,
    latency: result.latency,
    firstByte: result.firstByte,
    serverCpuMsPerRequest: perRequest(cpuMs),
    serverCores: result.measuredMs > 0 ? cpuMs / result.measuredMs : 0,
    clientCpuMsPerRequest: perRequest(result.clientCpuMs),
    backgroundCores: result.measuredMs > 0 ? backgroundMs / result.measuredMs : 0,
    peakRssBytes: after.peakRssBytes,
    failures: result.failures,
  }
}
