import { mkdirSync, writeFileSync } from 'node:fs'
import type { BenchReport } from './bench-report'
import { renderMarkdown } from './render-markdown'

export const RESULTS_DIR = `${import.meta.dir}/../results`

/** Write bench/results/latest.md and latest.json (the folder is git-ignored); returns the Markdown. */
export function writeResults(report: BenchReport): string {
  const markdown = renderMarkdown(report)
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(`${RESULTS_DIR}/latest.md`, markdown)
  writeFileSync(`${RESULTS_DIR}/latest.json`, `${JSON.stringify(report, null, 2)}\n`)
  return markdown
}
