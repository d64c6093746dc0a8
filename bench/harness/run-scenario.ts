import type { BenchOptions } from './bench-options'
import { isUnavailable, type BenchServers } from './bench-servers'
import { measureClosedLoop, type ClosedLoopMeasurement } from './measure-closed-loop'
import { measureLeak, type LeakMeasurement } from './measure-leak'
import { maxStreamsFor, measureOpenStreams, type OpenStreamsMeasurement } from './measure-open-streams'
import type { QuietMachineGate } from './quiet-machine-gate'
import type { Scenario } from './scenarios'
import type { ServerProcess } from './spawn-server'
import type { Variant } from './variants'

export type Measurement = ClosedLoopMeasurement | OpenStreamsMeasurement | LeakMeasurement

/** A measurement, or why there is none (server down, run crashed). */
export type Outcome<M = Measurement> = { measurement: M } | { failed: string }

export interface ScenarioResult {
  scenario: Scenario
  /** rounds[round][variant id] */
  rounds: Array<Record<string, Outcome>>
  notes: string[]
}

async function attempt<M>(server: ServerProcess | { unavailable: string }, measure: (server: ServerProcess) => Promise<M>): Promise<Outcome<M>> {
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

  let measure: (server: ServerProcess, variant: Variant) => Promise<Measurement>
  let rounds = options.rounds
  if (scenario.kind === 'closed-loop') {
    const run = { connections: scenario.connections, warmupMs: options.warmupMs, durationMs: options.durationMs }
    const pids = (['direct', 'proxy', 'tollgate'] as const).flatMap((role) => (isUnavailable(servers[role]) ? [] : [(servers[role] as ServerProcess).pid]))
    measure = (server, variant) => measureClosedLoop(server, variant, { ...run, otherPids: pids.filter((pid) => pid !== server.pid) })
  } else if (scenario.kind === 'open-streams') {
    const limits = [servers.proxy, servers.tollgate].flatMap((server) => (isUnavailable(server) ? [] : [maxStreamsFor(server.pid)]))
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
      await gate.wait()
      outcomes[variant.id] = await attempt(servers[variant.server], (server) => measure(server, variant))
      const outcome = outcomes[variant.id]
      if ('failed' in outcome) log(`    failed: ${outcome.failed.split('\n')[0]}`)
    }
    result.rounds.push(outcomes)
  }
  return result
}
