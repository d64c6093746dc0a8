import { sampleMachineBusyMs } from './process-stats'

/** Background load (cores busy outside the bench) under which a measurement may start. */
const QUIET_CORES = 0.25
const SAMPLE_MS = 300

/**
 * Before each measurement, wait while other processes keep the machine busy (CI neighbours,
 * a parallel test run): the bench servers are idle between runs, so whatever is busy is not us.
 * Waiting is bounded by a budget for the whole run; past it, measurements start anyway and the
 * report flags the noise.
 */
export function createQuietMachineGate(budgetMs: number) {
  let waitedMs = 0
  return {
    async wait(): Promise<void> {
      for (;;) {
        const before = sampleMachineBusyMs()
        await Bun.sleep(SAMPLE_MS)
        const busyCores = (sampleMachineBusyMs() - before) / SAMPLE_MS
        if (busyCores < QUIET_CORES || waitedMs >= budgetMs) return
        waitedMs += SAMPLE_MS
      }
    },
    get waitedMs() {
      return waitedMs
    },
  }
}

export type QuietMachineGate = ReturnType<typeof createQuietMachineGate>
