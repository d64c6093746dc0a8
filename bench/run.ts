/**
 * `bun run bench [--quick] [--rounds N] [--duration S] [--streams N] [--leak-requests N] [--peers]`
 *
 * Starts the mock upstream, the minimal proxy and Tollgate (each its own process, 127.0.0.1
 * only), runs every scenario of issue 8 with interleaved rounds, judges the targets, writes
 * bench/results/latest.{md,json} and prints the Markdown. Stops every process it started, also on
 * error or Ctrl-C, and gives up by itself if a run ever hangs.
 */
import { cpus, totalmem } from 'node:os'
import { parseBenchOptions } from './harness/bench-options'
import { isUnavailable, startBenchServers } from './harness/bench-servers'
import { evaluateGoals } from './harness/goals'
import { describePeers } from './harness/peers'
import { preflightGateway } from './harness/preflight'
import { createQuietMachineGate } from './harness/quiet-machine-gate'
import { openFileLimit } from './harness/process-stats'
import { stopAllChildren } from './harness/process-registry'
import { runScenario } from './harness/run-scenario'
import { benchScenarios } from './harness/scenarios'
import { summarizeScenario, type VariantSummary } from './harness/summarize-scenario'
import type { BenchReport } from './report/bench-report'
import { reportNotes } from './report/report-notes'
import { RESULTS_DIR, writeResults } from './report/write-results'

const options = parseBenchOptions(Bun.argv.slice(2))
const startedAt = new Date()
const log = (line: string) => console.error(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}`)

const MAX_RUN_MS = options.quick ? 5 * 60_000 : 60 * 60_000
setTimeout(() => {
  log(`bench: still running after ${MAX_RUN_MS / 60_000} minutes, giving up`)
  stopAllChildren()
  process.exit(3)
}, MAX_RUN_MS).unref()

async function main() {
  const scenarios = benchScenarios(options)
  log('starting mock upstream, minimal proxy and Tollgate')
  const servers = await startBenchServers()
  const notes = [...reportNotes]
  if (isUnavailable(servers.tollgate)) log(`Tollgate is unavailable; its rows will say why:\n${servers.tollgate.unavailable}`)
  const problems = await preflightGateway(servers, scenarios)
  for (const problem of problems) log(`preflight: ${problem}`)
  notes.unshift(...problems.map((problem) => `**Preflight failure** — ${problem.replace(/\s*\n\s*/g, ' / ')}`))

  const gate = createQuietMachineGate(options.quick ? 20_000 : 120_000)
  const results: BenchReport['scenarios'] = []
  const summaries = new Map<string, VariantSummary[]>()
  for (const scenario of scenarios) {
    log(`${scenario.title}`)
    const result = await runScenario(scenario, servers, options, gate, log)
    const scenarioSummaries = summarizeScenario(result)
    summaries.set(scenario.id, scenarioSummaries)
    results.push({ result, summaries: scenarioSummaries })
  }
  await servers.stop()
  if (gate.waitedMs > 0) notes.push(`Other processes kept the machine busy: the bench waited ${(gate.waitedMs / 1000).toFixed(0)} s in total for quiet before measurements (budget ${options.quick ? 20 : 120} s).`)

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
  stopAllChildren()
  process.exit(1)
}
