import { buildClientRequest } from '../load/build-client-request'
import type { FailureSummary } from '../load/load-protocol'
import type { BenchServer } from './bench-servers'
import { fitSlope } from './fit-slope'
import { sampleProcess } from './process-stats'
import { runLoadGenerator } from './run-load-generator'
import type { LeakScenario } from './scenarios'
import type { Variant } from './variants'

export interface LeakPoint {
  requests: number
  rssBytes: number
  /** JS heap right after a full GC. */
  heapBytes: number
}

export interface LeakMeasurement {
  points: LeakPoint[]
  /** Growth per request after warm-up (least-squares slopes). */
  rssBytesPerRequest: number
  heapBytesPerRequest: number
  failures: FailureSummary
}

const BATCH_TIMEOUT_MS = 120_000

/**
 * Send the scenario's requests in batches; after each batch run a full GC in the server and
 * record RSS and heap. The slope over the post-warm-up batches is the growth trend.
 */
export async function measureLeak(server: BenchServer, variant: Variant, scenario: LeakScenario): Promise<LeakMeasurement> {
  const requests = variant.requests.map((shape) => buildClientRequest(server.port, { ...shape, apiKey: server.apiKey }))
  const perBatch = Math.ceil(scenario.requests / scenario.batches)
  const points: LeakPoint[] = [{ requests: 0, heapBytes: await server.collectGarbage(), rssBytes: sampleProcess(server.pid).rssBytes }]
  const failures: FailureSummary = { count: 0, samples: [] }
  let sent = 0
  for (let batch = 0; batch < scenario.batches; batch++) {
    const result = await runLoadGenerator({ mode: 'closed-loop', port: server.port, requests, connections: scenario.connections, warmupMs: 0, durationMs: BATCH_TIMEOUT_MS, requestCount: perBatch })
    sent += result.completed + result.failures.count
    failures.count += result.failures.count
    for (const sample of result.failures.samples) if (failures.samples.length < 3) failures.samples.push(sample)
    const heapBytes = await server.collectGarbage()
    points.push({ requests: sent, heapBytes, rssBytes: sampleProcess(server.pid).rssBytes })
    if (result.completed === 0) break // the server answers nothing: no trend to find
  }
  const settled = points.slice(scenario.warmupBatches + 1)
  return {
    points,
    rssBytesPerRequest: fitSlope(settled.map((point) => [point.requests, point.rssBytes])),
    heapBytesPerRequest: fitSlope(settled.map((point) => [point.requests, point.heapBytes])),
    failures,
  }
}
