import type { BenchOptions } from '../harness/bench-options'
import type { GoalResult } from '../harness/goals'
import type { ScenarioResult } from '../harness/run-scenario'
import type { VariantSummary } from '../harness/summarize-scenario'

/** Everything one bench run found: written as JSON, rendered as Markdown. */
export interface BenchReport {
  startedAt: string
  durationSeconds: number
  machine: { cpu: string; cores: number; memoryGb: number; bun: string; openFileLimit: number }
  options: BenchOptions
  goals: GoalResult[]
  scenarios: Array<{ result: ScenarioResult; summaries: VariantSummary[] }>
  peers: string
  notes: string[]
}
