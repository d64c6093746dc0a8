/**
 * Last-used times without a database write per request: each use only sets a map entry, and
 * the map is written in one batch every `intervalMs` (and on stop). A failed write keeps the
 * times for the next batch.
 */
export function createLastUsedRecorder(options: {
  write(entries: Array<[id: string, usedAt: Date]>): Promise<void>
  intervalMs: number
  logger: Pick<Console, 'warn'>
}) {
  let pending = new Map<string, number>()
  let timer: ReturnType<typeof setInterval> | undefined
  let writing: Promise<void> = Promise.resolve()

  async function flush() {
    await writing
    if (pending.size === 0) return
    const batch = pending
    pending = new Map()
    writing = options
      .write([...batch].map(([id, time]) => [id, new Date(time)]))
      .catch((error: Error) => {
        options.logger.warn(`[tollgate] keys: could not record last-used times (${error.message}); retrying with the next batch`)
        for (const [id, time] of batch) if ((pending.get(id) ?? 0) < time) pending.set(id, time)
      })
    await writing
  }

  return {
    record(keyId: string, at = Date.now()) {
      pending.set(keyId, at)
    },
    /** A use not written yet (so an API read shows it on this instance at once). */
    pendingFor(keyId: string): Date | undefined {
      const time = pending.get(keyId)
      return time === undefined ? undefined : new Date(time)
    },
    start() {
      timer ??= setInterval(() => void flush(), options.intervalMs)
      ;(timer as { unref?: () => void }).unref?.()
    },
    flush,
    async stop() {
      if (timer) clearInterval(timer)
      timer = undefined
      await flush()
    },
  }
}

export type LastUsedRecorder = ReturnType<typeof createLastUsedRecorder>
