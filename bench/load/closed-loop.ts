import { createFailureLog } from './failure-log'
import { openLoadConnection, type CompletedRequest, type LoadConnection } from './load-connection'
import type { ClosedLoopConfig, ClosedLoopResult, LoadEvent } from './load-protocol'
import { summarizeLatencies } from './summarize-latencies'

const DRAIN_TIMEOUT_MS = 10_000
const MAX_RECONNECTS = 1_000

/**
 * Closed-loop load: `connections` keep-alive connections each send the next request as soon as
 * the previous answer is complete. Warm-up first (unmeasured; `warmupRequests` when given, so
 * the measured window starts on `requests` the server has not seen yet), then a measured window that
 * ends by time or by count; in-flight requests are drained (bounded) before returning.
 */
export async function runClosedLoop(config: ClosedLoopConfig, emit: (event: LoadEvent) => void): Promise<ClosedLoopResult> {
  const latencies: number[] = []
  const firstBytes: number[] = []
  const failures = createFailureLog()
  const connections = new Set<LoadConnection>()
  let phase: 'warmup' | 'measure' | 'drain' = 'warmup'
  let next = 0
  let inFlight = 0
  let reconnects = 0
  let measureStart = 0
  let measureEnd = 0

  function endMeasure() {
    if (phase !== 'measure') return
    phase = 'drain'
    measureEnd = performance.now()
    emit({ event: 'measure-end' })
  }

  function record(result: CompletedRequest) {
    if (phase !== 'measure' || result.endedAt < measureStart) return
    if (result.failure) return failures.record(result.failure)
    latencies.push(result.endedAt - result.startedAt)
    if (result.request.stream && result.firstByteAt > 0) firstBytes.push(result.firstByteAt - result.startedAt)
    if (config.requestCount && latencies.length + failures.summary.count >= config.requestCount) endMeasure()
  }

  function sendNext(connection: LoadConnection) {
    if (phase === 'drain' || !connection.open) return
    inFlight++
    const requests = phase === 'warmup' && config.warmupRequests ? config.warmupRequests : config.requests
    connection.send(requests[next++ % requests.length])
  }

  async function connect(): Promise<void> {
    try {
      const connection = await openLoadConnection(config.port, {
        done(result) {
          inFlight--
          record(result)
          sendNext(connection)
        },
        closed() {
          connections.delete(connection)
          if (phase !== 'drain' && reconnects++ < MAX_RECONNECTS) void connect()
        },
      })
      connections.add(connection)
      sendNext(connection)
    } catch (error) {
      failures.record(`connect failed: ${(error as Error).message}`)
    }
  }

  await Promise.all(Array.from({ length: config.connections }, connect))
  await Bun.sleep(config.warmupMs)
  phase = 'measure'
  next = 0
  const cpuAtStart = process.cpuUsage()
  measureStart = performance.now()
  emit({ event: 'measure-start' })
  const deadline = measureStart + config.durationMs
  while (phase === 'measure' && performance.now() < deadline && connections.size > 0) await Bun.sleep(Math.min(10, deadline - performance.now()))
  endMeasure()
  const cpu = process.cpuUsage(cpuAtStart)
  const drainDeadline = performance.now() + DRAIN_TIMEOUT_MS
  while (inFlight > 0 && connections.size > 0 && performance.now() < drainDeadline) await Bun.sleep(5)
  for (const connection of connections) connection.close()

  const measuredMs = measureEnd - measureStart
  return {
    mode: 'closed-loop',
    measuredMs,
    completed: latencies.length,
    requestsPerSecond: measuredMs > 0 ? (latencies.length * 1000) / measuredMs : 0,
    failures: failures.summary,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    latency: summarizeLatencies(latencies),
    firstByte: summarizeLatencies(firstBytes),
  }
}
