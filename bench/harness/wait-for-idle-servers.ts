import { sampleProcess } from './process-stats'

/** CPU the bench servers together may use and still count as idle (their timers: flushes, lease renewals). */
const IDLE_CORES = 0.05
const SAMPLE_MS = 300

/**
 * Wait (at most `maxMs`) until the bench servers are idle. A gateway may still be finishing the
 * previous run's work when the client is done (billing settles thousands of aborted streams
 * after the memory scenario); measuring the next variant meanwhile would charge it that CPU.
 * Returns how long it waited.
 */
export async function waitForIdleServers(pids: number[], maxMs = 60_000): Promise<number> {
  const started = performance.now()
  const cpu = () => pids.reduce((total, pid) => total + sampleProcess(pid).cpuMs, 0)
  while (performance.now() - started < maxMs) {
    const before = cpu()
    await Bun.sleep(SAMPLE_MS)
    if ((cpu() - before) / SAMPLE_MS < IDLE_CORES) break
  }
  return performance.now() - started - SAMPLE_MS
}
