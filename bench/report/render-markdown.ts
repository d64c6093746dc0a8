import type { BenchReport } from './bench-report'
import { formatVerdict, markdownTable } from './format'
import { renderScenarioTable } from './render-scenario-table'

/** Background load (cores used by processes outside the bench) above which a scenario is flagged. */
const NOISY_BACKGROUND_CORES = 0.15

/** The whole report as Markdown: targets first, then one table per scenario, then notes. */
export function renderMarkdown(report: BenchReport): string {
  const { machine, options } = report
  const lines = [
    `# Tollgate benchmark — ${report.startedAt}`,
    '',
    `${machine.cpu} × ${machine.cores} cores, ${machine.memoryGb.toFixed(0)} GB, Bun ${machine.bun}, open-file limit ${machine.openFileLimit}. ` +
      `${options.rounds} interleaved round(s) of ${options.durationMs / 1000} s (after ${options.warmupMs / 1000} s warm-up) per variant; figures are medians over rounds, ` +
      `comparisons are medians of per-round ratios/differences. Run took ${report.durationSeconds.toFixed(0)} s${options.quick ? ' (--quick: smoke figures only)' : ''}.`,
    '',
    '## Targets',
    '',
    markdownTable(
      ['Goal', 'Target', 'Measured', 'Verdict'],
      report.goals.map((goal) => [goal.goal, goal.target, goal.measured, formatVerdict(goal.met)]),
    ),
    '',
  ]
  for (const { result, summaries } of report.scenarios) {
    lines.push(`## ${result.scenario.title}`, '', result.skipped ? `_Skipped: ${result.skipped}._` : renderScenarioTable(result.scenario, summaries), '')
    for (const note of result.notes) lines.push(`> ${note}`, '')
    const background = Math.max(0, ...summaries.map((summary) => summary.backgroundCores ?? 0))
    if (background > NOISY_BACKGROUND_CORES) lines.push(`> ⚠ Processes outside the bench kept ~${background.toFixed(2)} cores busy during this scenario: its figures are noisier than usual.`, '')
    for (const summary of summaries) {
      if (summary.failureSample) lines.push(`> ${summary.label}: ${summary.failedRequests} failed requests, e.g. \`${summary.failureSample.replace(/`/g, "'").replace(/\s+/g, ' ').slice(0, 300)}\``, '')
    }
  }
  lines.push('## Peers', '', report.peers, '', '## Notes', '', ...report.notes.map((note) => `- ${note}`), '')
  return lines.join('\n')
}
