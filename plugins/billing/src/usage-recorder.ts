import type { UsageRecord } from '@tollgate/core'

/** Records kept while the store is unreachable, beyond which the oldest are dropped (and logged). */
const MAX_BUFFERED = 100_000

export interface UsageRecorderOptions {
  write(records: UsageRecord[]): Promise<unknown>
  /** Flush every this many ms. */
  flushMs: number
  /** Flush at once when this many records wait. */
  batchSize: number
  logger: Pick<Console, 'warn'>
}

/**
 * Usage records are written off the response path, in batches: every `flushMs`, or as soon as
 * `batchSize` wait. A failed write keeps the batch for the next flush; `stop()` flushes what is
 * left, so a graceful shutdown loses nothing.
 */
export function createUsageRecorder(options: UsageRecorderOptions) {
  let buffer: UsageRecord[] = []
  let timer: ReturnType<typeof setInterval> | undefined
  let writing: Promise<void> = Promise.resolve()

  async function write() {
    if (buffer.length === 0) return
    const batch = buffer
    buffer = []
    try {
      await options.write(batch)
    } catch (error) {
      buffer = [...batch, ...buffer]
      const dropped = buffer.length - MAX_BUFFERED
      if (dropped > 0) buffer = buffer.slice(dropped)
      options.logger.warn(`[tollgate] billing: writing ${batch.length} usage record(s) failed, will retry${dropped > 0 ? ` (${dropped} dropped)` : ''}: ${(error as Error).message}`)
    }
  }

  /** Writes are serialised: one batch at a time, in order. */
  const flush = () => (writing = writing.then(write))

  return {
    add(record: UsageRecord) {
      buffer.push(record)
      if (buffer.length >= options.batchSize) void flush()
    },
    flush,
    /** Records waiting to be written. */
    get pending() {
      return buffer.length
    },
    start() {
      timer = setInterval(() => void flush(), options.flushMs)
      ;(timer as { unref?: () => void }).unref?.()
    },
    async stop() {
      if (timer) clearInterval(timer)
      timer = undefined
      await flush()
    },
  }
}
