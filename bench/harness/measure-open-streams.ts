import { buildClientRequest } from '../load/build-client-request'
import type { FailureSummary } from '../load/load-protocol'
import type { BenchServer } from './bench-servers'
import { openFileLimit, resetPeakRss, sampleProcess } from './process-stats'
import { runLoadGenerator } from './run-load-generator'
import type { Variant } from './variants'

export interface OpenStreamsMeasurement {
  requested: number
  /** Most streams open at once, as the client counted them. */
  open: number
  openingMs: number
  idleRssBytes: number
  /** RSS the moment every stream was open. */
  openRssBytes: number
  peakRssBytes: number
  /** (open RSS − idle RSS) / open streams. */
  bytesPerStream: number
  endedEarly: number
  failures: FailureSummary
}

/** A proxying server holds two sockets per stream (client and upstream); keep room for the rest. */
export function maxStreamsFor(pid: number): number {
  return Math.floor((openFileLimit(pid) - 512) / 2)
}

/** Let the server finish tearing down the previous run's streams before measuring idle RSS. */
const SETTLE_MS = 1_500

/** Open `streams` slow streams through one server, hold them, and read its RSS meanwhile. */
export async function measureOpenStreams(server: BenchServer, variant: Variant, streams: number, holdMs: number): Promise<OpenStreamsMeasurement> {
  await Bun.sleep(SETTLE_MS)
  const request = buildClientRequest(server.port, { ...variant.requests[0], apiKey: server.apiKey })
  const idleRssBytes = sampleProcess(server.pid).rssBytes
  resetPeakRss(server.pid)
  let openRssBytes = 0
  const result = await runLoadGenerator({ mode: 'open-streams', port: server.port, request, streams, holdMs, openTimeoutMs: 60_000 }, (event) => {
    if (event.event === 'streams-open') openRssBytes = sampleProcess(server.pid).rssBytes
  })
  return {
    requested: streams,
    open: result.peakOpen,
    openingMs: result.openingMs,
    idleRssBytes,
    openRssBytes,
    peakRssBytes: sampleProcess(server.pid).peakRssBytes,
    bytesPerStream: result.peakOpen > 0 ? (openRssBytes - idleRssBytes) / result.peakOpen : 0,
    endedEarly: result.endedEarly,
    failures: result.failures,
  }
}
