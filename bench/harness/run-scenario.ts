import type { BenchOptions } from './bench-options'
import { isUnavailable, type BenchServer, type BenchServers, type UnavailableServer } from './bench-servers'
import { measureClosedLoop, type ClosedLoopMeasurement } from './measure-closed-loop'
import { measureLeak, type LeakMeasurement } from './measure-leak'
import { maxStreamsFor, measureOpenStreams, type OpenStreamsMeasurement } from './measure-open-streams'
import type { QuietMachineGate } from './quiet-machine-gate'
import type { Scenario } from './scenarios'
import type { Variant } from './variants'
import { waitForIdleServers } from './wait-for-idle-servers'

export type Measurement = ClosedLoopMeasurement | OpenStreamsMeasurement | LeakMeasurement

/** A measurement, or why there is none (server down, run crashed). */
export type Outcome<M = Measurement> = { measurement: M } | { failed: string }

export interface ScenarioResult {
  scenario: Scenario
  /** rounds[round][variant id] */
  rounds: Array<Record<string, Outcome>>
  notes: string[]
  /** Why the scenario did not run (an optional backend is not there). */
  skipped?: string
}

async function attempt<M>(server: BenchServer | UnavailableServer, measure: (server: BenchServer) => Promise<M>): Promise<Outcome<M>> {
  if (isUnavailable(server)) return { failed: server.unavailable }
  try {
    return { measurement: await measure(server) }
  } catch (error) {
    return { failed: (error as Error).message }
  }
}

/**
 * Run one scenario: every variant once per round, rounds interleaved (direct, proxy, tollgate,
 * direct, proxy, tollgate, …) so slow drifts of the machine hit every variant alike.
 */
export async function runScenario(scenario: Scenario, servers: BenchServers, options: BenchOptions, gate: QuietMachineGate, log: (line: string) => void): Promise<ScenarioResult> {
  const result: ScenarioResult = { scenario, rounds: [], notes: [] }
  if (scenario.kind === 'pending') return result
  result.notes.push(...(scenario.notes ?? []))
  const skipped = scenario.variants.map((variant) => servers.get(variant.server)).find((server) => isUnavailable(server) && server.skipped)
  if (skipped) {
    result.skipped = (skipped as UnavailableServer).unavailable.replace(/^skipped: /, '')
    log(`  ${scenario.id} · skipped: ${result.skipped}`)
    return result
  }

  let measure: (server: BenchServer, variant: Variant, round: number) => Promise<Measurement>
  let rounds = options.rounds
  if (scenario.kind === 'closed-loop') {
    const run = { connections: scenario.connections, warmupMs: options.warmupMs, durationMs: options.durationMs }
    const pids = servers.pids()
    measure = (server, variant, round) => measureClosedLoop(server, variant, { ...run, round, otherPids: pids.filter((pid) => pid !== server.pid) })
  } else if (scenario.kind === 'open-streams') {
    const limits = scenario.variants.flatMap((variant) => (variant.server === 'direct' || isUnavailable(servers.get(variant.server)) ? [] : [maxStreamsFor((servers.get(variant.server) as BenchServer).pid)]))
    const streams = Math.min(scenario.streams, ...limits)
    if (streams < scenario.streams) {
      result.notes.push(`${scenario.streams} streams asked, ${streams} run: the open-file limit (${limits.length ? (Math.min(...limits) * 2 + 512) : '?'}) allows two sockets per proxied stream up to there; the 10k figure is extrapolated from the per-stream cost. Raise the hard limit (e.g. \`prlimit --nofile=65536:65536 bun run bench\` as root, or LimitNOFILE) to measure all of them.`)
    }
    measure = (server, variant) => measureOpenStreams(server, variant, streams, scenario.holdMs)
  } else {
    rounds = 1
    measure = (server, variant) => measureLeak(server, variant, scenario)
  }

  for (let round = 0; round < rounds; round++) {
    const outcomes: Record<string, Outcome> = {}
    for (const variant of scenario.variants) {
      log(`  ${scenario.id} · round ${round + 1}/${rounds} · ${variant.label}`)
      const settledMs = await waitForIdleServers(servers.pids())
      if (settledMs > 1_000) log(`    waited ${(settledMs / 1000).toFixed(1)} s for the servers to finish the previous run's work`)
      await gate.wait()
      outcomes[variant.id] = await attempt(servers.get(variant.server), (server) => measure(server, variant, round))
      const outcome = outcomes[variant.id]
      if ('failed' in outcome) log(`    failed: ${outcome.failed.split('\n')[0]}`)
    }
    result.rounds.push(outcomes)
  }
  return result
}
