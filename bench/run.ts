/**
 * `bun run bench [--quick] [--rounds N] [--duration S] [--streams N] [--leak-requests N] [--peers]`
 *
 * Starts the mock upstream, the minimal proxy and the Tollgate gateways the scenarios need (each
 * its own process, 127.0.0.1 only: the full pipeline on SQLite with 10 and with 100k keys, on
 * PostgreSQL + Redis, and core without plugins), runs every scenario of issue 8 with interleaved rounds, judges the targets, writes
 * bench/results/latest.{md,json} and prints the Markdown. Stops every process it started, also on
 * error or Ctrl-C, and gives up by itself if a run ever hangs.
 */
import { cpus, totalmem } from 'node:os'
import { parseBenchOptions } from './harness/bench-options'
import { GATEWAY_SETUPS, isUnavailable, startBenchServers, type BenchServers, type ServerRole } from './harness/bench-servers'
import { evaluateGoals } from './harness/goals'
import { describePeers } from './harness/peers'
import { preflightGateways } from './harness/preflight'
import { createQuietMachineGate } from './harness/quiet-machine-gate'
import { openFileLimit } from './harness/process-stats'
import { stopAllChildren } from './harness/process-registry'
import { runScenario } from './harness/run-scenario'
import { benchScenarios, SPREAD_KEYS } from './harness/scenarios'
import { summarizeScenario, type VariantSummary } from './harness/summarize-scenario'
import type { BenchReport } from './report/bench-report'
import { keyCacheNote } from './report/key-cache-note'
import { reportNotes } from './report/report-notes'
import { RESULTS_DIR, writeResults } from './report/write-results'

const options = parseBenchOptions(Bun.argv.slice(2))
const startedAt = new Date()
const log = (line: string) => console.error(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}`)

/** Time the default run may spend waiting for a busy machine to quiet down (it must end within 15 minutes). */
const QUIET_BUDGET_MS = 60_000
const MAX_RUN_MS = options.quick ? 5 * 60_000 : 60 * 60_000
setTimeout(async () => {
  log(`bench: still running after ${MAX_RUN_MS / 60_000} minutes, giving up`)
  await Promise.race([servers?.stop(), Bun.sleep(10_000)]).catch(() => {})
  stopAllChildren()
  process.exit(3)
}, MAX_RUN_MS).unref()

let servers: BenchServers | undefined

async function main() {
  const scenarios = benchScenarios(options)
  const roles = new Set<ServerRole>(scenarios.flatMap((scenario) => (scenario.kind === 'pending' ? [] : scenario.variants.map((variant) => variant.server))))
  log(`starting ${[...roles].join(', ')}`)
  servers = await startBenchServers({ roles, log })
  const notes = [...reportNotes]
  for (const role of Object.keys(GATEWAY_SETUPS) as Array<keyof typeof GATEWAY_SETUPS>) {
    const server = roles.has(role) ? servers.get(role) : undefined
    if (server && isUnavailable(server)) log(`${GATEWAY_SETUPS[role].name} is unavailable; its rows will say why:\n${server.unavailable}`)
  }
  const problems = await preflightGateways(servers, scenarios)
  for (const problem of problems) log(`preflight: ${problem}`)
  notes.unshift(...problems.map((problem) => `**Preflight failure** — ${problem.replace(/\s*\n\s*/g, ' / ')}`))

  const gate = createQuietMachineGate(options.quick ? 20_000 : QUIET_BUDGET_MS)
  const results: BenchReport['scenarios'] = []
  const summaries = new Map<string, VariantSummary[]>()
  for (const scenario of scenarios) {
    log(`${scenario.title}`)
    const result = await runScenario(scenario, servers, options, gate, log)
    const scenarioSummaries = summarizeScenario(result)
    const cacheNote = scenario.id === 'auth-keys' ? keyCacheNote(scenarioSummaries, SPREAD_KEYS, options.durationMs) : undefined
    if (cacheNote) result.notes.push(cacheNote)
    summaries.set(scenario.id, scenarioSummaries)
    results.push({ result, summaries: scenarioSummaries })
  }
  await servers.stop()
  servers = undefined
  if (gate.waitedMs > 0) notes.push(`Other processes kept the machine busy: the bench waited ${(gate.waitedMs / 1000).toFixed(0)} s in total for quiet before measurements (budget ${options.quick ? 20 : QUIET_BUDGET_MS / 1000} s).`)

  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    machine: { cpu: cpus()[0]?.model ?? 'unknown CPU', cores: cpus().length, memoryGb: totalmem() / 1e9, bun: Bun.version, openFileLimit: openFileLimit(process.pid) },
    options,
    goals: evaluateGoals(summaries),
    scenarios: results,
    peers: describePeers(options),
    notes,
  }
  console.log(writeResults(report))
  log(`written ${RESULTS_DIR}/latest.md and latest.json`)
}

try {
  await main()
  process.exit(0)
} catch (error) {
  console.error('bench failed:', error)
  await servers?.stop().catch(() => {})
  stopAllChildren()
  process.exit(1)
}
