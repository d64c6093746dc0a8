import { createFailureLog } from './failure-log'
import { openLoadConnection, type LoadConnection } from './load-connection'
import type { LoadEvent, OpenStreamsConfig, OpenStreamsResult } from './load-protocol'
import { summarizeLatencies } from './summarize-latencies'

/** Connections being opened at the same time (the listen backlog is finite). */
const CONNECT_CONCURRENCY = 256

/**
 * Many slow streams at once: open `streams` connections (a bounded number connecting at a
 * time), send one stream request on each, wait until all have their first byte, hold them open
 * for `holdMs`, then drop every connection (the server sees client cancels).
 */
export async function runOpenStreams(config: OpenStreamsConfig, emit: (event: LoadEvent) => void): Promise<OpenStreamsResult> {
  const failures = createFailureLog()
  const connections: LoadConnection[] = []
  const firstBytes: number[] = []
  let open = 0
  let peakOpen = 0
  let settled = 0
  let endedEarly = 0
  let dropping = false
  const startedAt = performance.now()

  async function openStream(): Promise<void> {
    let streaming = false
    let sentAt = 0
    try {
      const connection = await openLoadConnection(config.port, {
        firstByte() {
          streaming = true
          open++
          settled++
          peakOpen = Math.max(peakOpen, open)
          firstBytes.push(performance.now() - sentAt)
        },
        done(result) {
          if (streaming) open--
          else settled++
          if (result.failure && !dropping) failures.record(result.failure)
          else if (!result.failure) endedEarly++
        },
        closed() {},
      })
      connections.push(connection)
      sentAt = performance.now()
      connection.send(config.request)
    } catch (error) {
      settled++
      failures.record(`connect failed: ${(error as Error).message}`)
    }
  }

  const deadline = startedAt + config.openTimeoutMs
  let launched = 0
  const workers = Array.from({ length: Math.min(CONNECT_CONCURRENCY, config.streams) }, async () => {
    while (launched < config.streams && performance.now() < deadline) {
      launched++
      await openStream()
    }
  })
  await Promise.all(workers)
  while (settled < launched && performance.now() < deadline) await Bun.sleep(20)
  const openingMs = performance.now() - startedAt

  emit({ event: 'streams-open', open })
  await Bun.sleep(config.holdMs)
  emit({ event: 'hold-end' })
  dropping = true
  for (const connection of connections) connection.close()

  return { mode: 'open-streams', requested: config.streams, peakOpen, openingMs, endedEarly, failures: failures.summary, firstByte: summarizeLatencies(firstBytes) }
}
